/*
 * Strata's SQL: the Presto/Trino dialect, for the statements Strata runs.
 *
 * Conventions the hand-written code relies on:
 * - AstBuilder turns every labelled alternative into an AST node; rename a label only together with it.
 * - ErrorHandler names the rules expression, booleanExpression, valueExpression, primaryExpression,
 *   identifier, string, query and type in its "Expecting: ..." lists instead of listing their tokens.
 * - Every keyword token that is not reserved in SQL must appear in nonReserved, so that it can still be
 *   used as an identifier (date, year, schema, data, first, ...). The rule may only list tokens.
 * - Lexical mistakes (unterminated literals, backquotes, identifiers starting with a digit, ';') have
 *   tokens of their own: SqlParser rejects them with a targeted message before parsing.
 */
grammar SqlBase;

options { caseInsensitive = true; }

singleStatement
    : statement EOF
    ;

standaloneExpression
    : expression EOF
    ;

standaloneType
    : type EOF
    ;

statement
    : query                                                            #statementDefault
    | USE schema=identifier                                            #use
    | USE catalog=identifier '.' schema=identifier                     #use
    | CREATE SCHEMA (IF NOT EXISTS)? qualifiedName
        (WITH properties)?                                             #createSchema
    | CREATE TABLE (IF NOT EXISTS)? qualifiedName columnAliases?
        (WITH properties)? AS (query | '(' query ')')
        (WITH (NO)? DATA)?                                             #createTableAsSelect
    | CREATE TABLE (IF NOT EXISTS)? qualifiedName
        '(' columnDefinition (',' columnDefinition)* ')'
        (WITH properties)?                                             #createTable
    | DROP TABLE (IF EXISTS)? qualifiedName                            #dropTable
    | INSERT INTO qualifiedName columnAliases? query                   #insertInto
    | EXPLAIN ANALYZE?
        ('(' explainOption (',' explainOption)* ')')? statement        #explain
    | SHOW CATALOGS likeClause?                                        #showCatalogs
    | SHOW SCHEMAS ((FROM | IN) identifier)? likeClause?               #showSchemas
    | SHOW TABLES ((FROM | IN) qualifiedName)? likeClause?             #showTables
    | SHOW COLUMNS (FROM | IN) qualifiedName                           #showColumns
    | DESCRIBE INPUT identifier                                        #describeInput
    | DESCRIBE OUTPUT identifier                                       #describeOutput
    | (DESCRIBE | DESC) qualifiedName                                  #showColumns
    | SHOW SESSION likeClause?                                         #showSession
    | SHOW FUNCTIONS likeClause?                                       #showFunctions
    | SET SESSION qualifiedName EQ expression                          #setSession
    | RESET SESSION qualifiedName                                      #resetSession
    | START TRANSACTION (transactionMode (',' transactionMode)*)?      #startTransaction
    | COMMIT WORK?                                                     #commit
    | ROLLBACK WORK?                                                   #rollback
    | PREPARE identifier FROM statement                                #prepare
    | DEALLOCATE PREPARE identifier                                    #deallocate
    | EXECUTE identifier (USING expression (',' expression)*)?         #execute
    ;

likeClause
    : LIKE pattern=string (ESCAPE escape=string)?
    ;

properties
    : '(' property (',' property)* ')'
    ;

property
    : identifier EQ expression
    ;

columnDefinition
    : identifier type (NOT NULL)? (COMMENT string)?
    ;

columnAliases
    : '(' identifier (',' identifier)* ')'
    ;

explainOption
    : FORMAT value=(TEXT | GRAPHVIZ | JSON)                    #explainFormat
    | TYPE value=(LOGICAL | DISTRIBUTED | VALIDATE | IO)       #explainType
    ;

transactionMode
    : ISOLATION LEVEL levelOfIsolation                         #isolationLevel
    | READ accessMode=(ONLY | WRITE)                           #transactionAccessMode
    ;

levelOfIsolation
    : READ UNCOMMITTED                                         #readUncommitted
    | READ COMMITTED                                           #readCommitted
    | REPEATABLE READ                                          #repeatableRead
    | SERIALIZABLE                                             #serializable
    ;

query
    : with? queryNoWith
    ;

with
    : WITH namedQuery (',' namedQuery)*
    ;

namedQuery
    : name=identifier columnAliases? AS '(' query ')'
    ;

queryNoWith
    : queryTerm
      (ORDER BY sortItem (',' sortItem)*)?
      (OFFSET offset=INTEGER_VALUE (ROW | ROWS)?)?
      (LIMIT limit=limitRowCount
      | FETCH (FIRST | NEXT) (fetchFirst=INTEGER_VALUE)? (ROW | ROWS) ONLY)?
    ;

limitRowCount
    : ALL
    | INTEGER_VALUE
    ;

queryTerm
    : queryPrimary                                                             #queryTermDefault
    | left=queryTerm operator=INTERSECT setQuantifier? right=queryTerm         #setOperation
    | left=queryTerm operator=(UNION | EXCEPT) setQuantifier? right=queryTerm  #setOperation
    ;

queryPrimary
    : querySpecification                          #queryPrimaryDefault
    | VALUES expression (',' expression)*         #inlineTable
    | '(' query ')'                               #subquery
    ;

sortItem
    : expression ordering=(ASC | DESC)? (NULLS nullOrdering=(FIRST | LAST))?
    ;

querySpecification
    : SELECT setQuantifier? selectItem (',' selectItem)*
      (FROM relation (',' relation)*)?
      (WHERE where=booleanExpression)?
      (GROUP BY groupingElement (',' groupingElement)*)?
      (HAVING having=booleanExpression)?
    ;

groupingElement
    : ROLLUP '(' (expression (',' expression)*)? ')'           #rollup
    | CUBE '(' (expression (',' expression)*)? ')'             #cube
    | GROUPING SETS '(' groupingSet (',' groupingSet)* ')'     #multipleGroupingSets
    | expression                                               #singleGroupingSet
    ;

groupingSet
    : '(' (expression (',' expression)*)? ')'
    | expression
    ;

setQuantifier
    : DISTINCT
    | ALL
    ;

selectItem
    : expression (AS? identifier)?                 #selectSingle
    | qualifiedName '.' ASTERISK                   #selectAll
    | ASTERISK                                     #selectAll
    ;

relation
    : left=relation
      ( CROSS JOIN right=aliasedRelation
      | joinType JOIN rightRelation=relation joinCriteria
      )                                            #joinRelation
    | aliasedRelation                              #relationDefault
    ;

joinType
    : INNER?
    | LEFT OUTER?
    | RIGHT OUTER?
    | FULL OUTER?
    ;

joinCriteria
    : ON booleanExpression
    | USING '(' identifier (',' identifier)* ')'
    ;

aliasedRelation
    : relationPrimary (AS? identifier columnAliases?)?
    ;

relationPrimary
    : qualifiedName                                #tableName
    | '(' query ')'                                #subqueryRelation
    | '(' relation ')'                             #parenthesizedRelation
    ;

expression
    : booleanExpression
    ;

booleanExpression
    : valueExpression predicate?                                       #predicated
    | NOT booleanExpression                                            #logicalNot
    | left=booleanExpression operator=AND right=booleanExpression      #logicalBinary
    | left=booleanExpression operator=OR right=booleanExpression       #logicalBinary
    ;

// the value the predicate applies to is the valueExpression before it (booleanExpression#predicated)
predicate
    : comparisonOperator right=valueExpression                                  #comparison
    | comparisonOperator comparisonQuantifier '(' query ')'                     #quantifiedComparison
    | NOT? BETWEEN lower=valueExpression AND upper=valueExpression              #between
    | NOT? IN '(' expression (',' expression)* ')'                              #inList
    | NOT? IN '(' query ')'                                                     #inSubquery
    | NOT? LIKE pattern=valueExpression (ESCAPE escape=valueExpression)?        #like
    | IS NOT? NULL                                                              #nullPredicate
    | IS NOT? DISTINCT FROM right=valueExpression                               #distinctFrom
    ;

valueExpression
    : primaryExpression                                                                   #valueExpressionDefault
    | value=valueExpression AT TIME ZONE zone=string                                      #atTimeZone
    | operator=(MINUS | PLUS) valueExpression                                             #arithmeticUnary
    | left=valueExpression operator=(ASTERISK | SLASH | PERCENT) right=valueExpression    #arithmeticBinary
    | left=valueExpression operator=(PLUS | MINUS) right=valueExpression                  #arithmeticBinary
    | left=valueExpression CONCAT right=valueExpression                                   #concatenation
    ;

primaryExpression
    : NULL                                                                                #nullLiteral
    | interval                                                                            #intervalLiteral
    | number                                                                              #numericLiteral
    | booleanValue                                                                        #booleanLiteral
    | string                                                                              #stringLiteral
    | QUESTION_MARK                                                                       #parameter
    | ROW '(' expression (',' expression)* ')'                                            #rowConstructor
    | qualifiedName '(' ASTERISK ')' filter? over?                                        #functionCall
    | qualifiedName '(' (setQuantifier? expression (',' expression)*)? ')' filter? over?  #functionCall
    | '(' query ')'                                                                       #subqueryExpression
    | EXISTS '(' query ')'                                                                #exists
    | CASE operand=expression whenClause+ (ELSE elseExpression=expression)? END           #simpleCase
    | CASE whenClause+ (ELSE elseExpression=expression)? END                              #searchedCase
    | CAST '(' expression AS type ')'                                                     #cast
    | TRY_CAST '(' expression AS type ')'                                                 #cast
    | ARRAY '[' (expression (',' expression)*)? ']'                                       #arrayConstructor
    | value=primaryExpression '[' index=valueExpression ']'                               #subscript
    | identifier                                                                          #columnReference
    | identifier string                                                                   #typeConstructor
    | DOUBLE PRECISION string                                                             #typeConstructor
    | base=primaryExpression '.' fieldName=identifier                                     #dereference
    | name=CURRENT_DATE                                                                   #specialDateTimeFunction
    | name=CURRENT_TIME ('(' precision=INTEGER_VALUE ')')?                                #specialDateTimeFunction
    | name=CURRENT_TIMESTAMP ('(' precision=INTEGER_VALUE ')')?                           #specialDateTimeFunction
    | name=LOCALTIME ('(' precision=INTEGER_VALUE ')')?                                   #specialDateTimeFunction
    | name=LOCALTIMESTAMP ('(' precision=INTEGER_VALUE ')')?                              #specialDateTimeFunction
    | EXTRACT '(' identifier FROM valueExpression ')'                                     #extract
    | GROUPING '(' (expression (',' expression)*)? ')'                                    #groupingOperation
    | SUBSTRING '(' valueExpression FROM valueExpression (FOR valueExpression)? ')'       #substring
    | POSITION '(' valueExpression IN valueExpression ')'                                 #position
    | TRIM '(' (trimsSpecification? trimChar=valueExpression? FROM)? trimSource=valueExpression ')'   #trim
    // one expression in parentheses, or a row of several: one alternative, so that prediction need not
    // read to the closing parenthesis to choose
    | '(' expression (',' expression)* ')'                                                #parenthesizedExpression
    ;

string
    : STRING
    ;

comparisonOperator
    : EQ | NEQ | LT | LTE | GT | GTE
    ;

trimsSpecification
    : LEADING | TRAILING | BOTH
    ;

comparisonQuantifier
    : ALL | SOME | ANY
    ;

booleanValue
    : TRUE | FALSE
    ;

interval
    : INTERVAL sign=(PLUS | MINUS)? string from=intervalField (TO to=intervalField)?
    ;

intervalField
    : YEAR | MONTH | DAY | HOUR | MINUTE | SECOND
    ;

type
    : ROW '(' rowField (',' rowField)* ')'                                         #rowType
    | INTERVAL from=intervalField (TO to=intervalField)?                           #intervalType
    | base=(TIME | TIMESTAMP) ('(' precision=INTEGER_VALUE ')')? (WITHOUT TIME ZONE)?   #dateTimeType
    | base=(TIME | TIMESTAMP) ('(' precision=INTEGER_VALUE ')')? WITH TIME ZONE         #dateTimeType
    | DOUBLE PRECISION                                                             #doublePrecisionType
    | identifier ('(' typeParameter (',' typeParameter)* ')')?                     #genericType
    ;

rowField
    : identifier type
    | type
    ;

typeParameter
    : INTEGER_VALUE
    | type
    ;

whenClause
    : WHEN condition=expression THEN result=expression
    ;

filter
    : FILTER '(' WHERE booleanExpression ')'
    ;

over
    : OVER '(' windowSpecification ')'
    ;

windowSpecification
    : (PARTITION BY partition+=expression (',' partition+=expression)*)?
      (ORDER BY sortItem (',' sortItem)*)?
      windowFrame?
    ;

windowFrame
    : frameType=(RANGE | ROWS) start=frameBound
    | frameType=(RANGE | ROWS) BETWEEN start=frameBound AND end=frameBound
    ;

frameBound
    : UNBOUNDED boundType=PRECEDING                    #unboundedFrame
    | UNBOUNDED boundType=FOLLOWING                    #unboundedFrame
    | CURRENT ROW                                      #currentRowBound
    | expression boundType=(PRECEDING | FOLLOWING)     #boundedFrame
    ;

qualifiedName
    : identifier ('.' identifier)*
    ;

identifier
    : IDENTIFIER             #unquotedIdentifier
    | QUOTED_IDENTIFIER      #quotedIdentifier
    | nonReserved            #unquotedIdentifier
    ;

number
    : DECIMAL_VALUE          #decimalLiteral
    | DOUBLE_VALUE           #doubleLiteral
    | INTEGER_VALUE          #integerLiteral
    ;

nonReserved
    // IMPORTANT: tokens only; SqlKeywords reads this rule's first tokens from the ATN to tell reserved words
    : ALL | ANALYZE | ANY | ARRAY | ASC
    | CATALOGS | COLUMNS | COMMENT | COMMIT | COMMITTED | CURRENT
    | DATA | DATE | DAY | DESC | DISTRIBUTED | DOUBLE
    | EXPLAIN
    | FILTER | FIRST | FOLLOWING | FORMAT | FUNCTIONS
    | GRAPHVIZ
    | HOUR
    | IF | INPUT | INTERVAL | IO | ISOLATION
    | JSON
    | LAST | LEVEL | LIMIT | LOGICAL
    | MAP | MINUTE | MONTH
    | NEXT | NO | NULLS
    | ONLY | OUTPUT | OVER
    | PARTITION | POSITION | PRECEDING | PRECISION
    | RANGE | READ | REPEATABLE | RESET | ROLLBACK | ROW | ROWS
    | SCHEMA | SCHEMAS | SECOND | SERIALIZABLE | SESSION | SET | SETS | SHOW | SOME | START | SUBSTRING
    | TABLES | TEXT | TIME | TIMESTAMP | TO | TRANSACTION | TRY_CAST | TYPE
    | BOTH | LEADING | TRAILING | TRIM
    | UNBOUNDED | UNCOMMITTED | USE
    | VALIDATE
    | WITHOUT | WORK | WRITE
    | YEAR
    | ZONE
    | AT
    ;

ALL: 'ALL';
ANALYZE: 'ANALYZE';
AND: 'AND';
ANY: 'ANY';
AT: 'AT';
ARRAY: 'ARRAY';
AS: 'AS';
ASC: 'ASC';
BETWEEN: 'BETWEEN';
BOTH: 'BOTH';
BY: 'BY';
CASE: 'CASE';
CAST: 'CAST';
CATALOGS: 'CATALOGS';
COLUMNS: 'COLUMNS';
COMMENT: 'COMMENT';
COMMIT: 'COMMIT';
COMMITTED: 'COMMITTED';
CREATE: 'CREATE';
CROSS: 'CROSS';
CUBE: 'CUBE';
CURRENT: 'CURRENT';
CURRENT_DATE: 'CURRENT_DATE';
CURRENT_TIME: 'CURRENT_TIME';
CURRENT_TIMESTAMP: 'CURRENT_TIMESTAMP';
DATA: 'DATA';
DATE: 'DATE';
DAY: 'DAY';
DEALLOCATE: 'DEALLOCATE';
DESC: 'DESC';
DESCRIBE: 'DESCRIBE';
DISTINCT: 'DISTINCT';
DISTRIBUTED: 'DISTRIBUTED';
DOUBLE: 'DOUBLE';
DROP: 'DROP';
ELSE: 'ELSE';
END: 'END';
ESCAPE: 'ESCAPE';
EXCEPT: 'EXCEPT';
EXECUTE: 'EXECUTE';
EXISTS: 'EXISTS';
EXPLAIN: 'EXPLAIN';
EXTRACT: 'EXTRACT';
FALSE: 'FALSE';
FETCH: 'FETCH';
FILTER: 'FILTER';
FIRST: 'FIRST';
FOLLOWING: 'FOLLOWING';
FOR: 'FOR';
FORMAT: 'FORMAT';
FROM: 'FROM';
FULL: 'FULL';
FUNCTIONS: 'FUNCTIONS';
GRAPHVIZ: 'GRAPHVIZ';
GROUP: 'GROUP';
GROUPING: 'GROUPING';
HAVING: 'HAVING';
HOUR: 'HOUR';
IF: 'IF';
IN: 'IN';
INNER: 'INNER';
INPUT: 'INPUT';
INSERT: 'INSERT';
INTERSECT: 'INTERSECT';
INTERVAL: 'INTERVAL';
INTO: 'INTO';
IO: 'IO';
IS: 'IS';
ISOLATION: 'ISOLATION';
JOIN: 'JOIN';
JSON: 'JSON';
LAST: 'LAST';
LEADING: 'LEADING';
LEFT: 'LEFT';
LEVEL: 'LEVEL';
LIKE: 'LIKE';
LIMIT: 'LIMIT';
LOCALTIME: 'LOCALTIME';
LOCALTIMESTAMP: 'LOCALTIMESTAMP';
LOGICAL: 'LOGICAL';
MAP: 'MAP';
MINUTE: 'MINUTE';
MONTH: 'MONTH';
NEXT: 'NEXT';
NO: 'NO';
NOT: 'NOT';
NULL: 'NULL';
NULLS: 'NULLS';
OFFSET: 'OFFSET';
ON: 'ON';
ONLY: 'ONLY';
OR: 'OR';
ORDER: 'ORDER';
OUTER: 'OUTER';
OUTPUT: 'OUTPUT';
OVER: 'OVER';
PARTITION: 'PARTITION';
POSITION: 'POSITION';
PRECEDING: 'PRECEDING';
PRECISION: 'PRECISION';
PREPARE: 'PREPARE';
RANGE: 'RANGE';
READ: 'READ';
REPEATABLE: 'REPEATABLE';
RESET: 'RESET';
RIGHT: 'RIGHT';
ROLLBACK: 'ROLLBACK';
ROLLUP: 'ROLLUP';
ROW: 'ROW';
ROWS: 'ROWS';
SCHEMA: 'SCHEMA';
SCHEMAS: 'SCHEMAS';
SECOND: 'SECOND';
SELECT: 'SELECT';
SERIALIZABLE: 'SERIALIZABLE';
SESSION: 'SESSION';
SET: 'SET';
SETS: 'SETS';
SHOW: 'SHOW';
SOME: 'SOME';
START: 'START';
SUBSTRING: 'SUBSTRING';
TABLE: 'TABLE';
TABLES: 'TABLES';
TEXT: 'TEXT';
THEN: 'THEN';
TIME: 'TIME';
TIMESTAMP: 'TIMESTAMP';
TO: 'TO';
TRAILING: 'TRAILING';
TRANSACTION: 'TRANSACTION';
TRIM: 'TRIM';
TRUE: 'TRUE';
TRY_CAST: 'TRY_CAST';
TYPE: 'TYPE';
UNBOUNDED: 'UNBOUNDED';
UNCOMMITTED: 'UNCOMMITTED';
UNION: 'UNION';
USE: 'USE';
USING: 'USING';
VALIDATE: 'VALIDATE';
VALUES: 'VALUES';
WHEN: 'WHEN';
WHERE: 'WHERE';
WITH: 'WITH';
WITHOUT: 'WITHOUT';
WORK: 'WORK';
WRITE: 'WRITE';
YEAR: 'YEAR';
ZONE: 'ZONE';

EQ: '=';
NEQ: '<>' | '!=';
LT: '<';
LTE: '<=';
GT: '>';
GTE: '>=';

PLUS: '+';
MINUS: '-';
ASTERISK: '*';
SLASH: '/';
PERCENT: '%';
CONCAT: '||';
QUESTION_MARK: '?';
SEMICOLON: ';';

STRING
    : '\'' ( ~'\'' | '\'\'' )* '\''
    ;

// longest match: only an opening quote that is never closed ends up here
UNTERMINATED_STRING
    : '\'' ( ~'\'' | '\'\'' )*
    ;

INTEGER_VALUE
    : DIGIT+
    ;

DECIMAL_VALUE
    : DIGIT+ '.' DIGIT*
    | '.' DIGIT+
    ;

DOUBLE_VALUE
    : DIGIT+ ('.' DIGIT*)? EXPONENT
    | '.' DIGIT+ EXPONENT
    ;

IDENTIFIER
    : (LETTER | '_') (LETTER | DIGIT | '_')*
    ;

DIGIT_IDENTIFIER
    : DIGIT (LETTER | DIGIT | '_')+
    ;

QUOTED_IDENTIFIER
    : '"' ( ~'"' | '""' )* '"'
    ;

UNTERMINATED_QUOTED_IDENTIFIER
    : '"' ( ~'"' | '""' )*
    ;

BACKQUOTED_IDENTIFIER
    : '`' ( ~'`' | '``' )* '`'?
    ;

fragment EXPONENT
    : 'E' [+-]? DIGIT+
    ;

fragment DIGIT
    : [0-9]
    ;

fragment LETTER
    : [A-Z]
    ;

SIMPLE_COMMENT
    : '--' ~[\r\n]* '\r'? '\n'? -> channel(HIDDEN)
    ;

BRACKETED_COMMENT
    : '/*' .*? '*/' -> channel(HIDDEN)
    ;

// longest match: a comment that is closed is one character longer than this
UNTERMINATED_BRACKETED_COMMENT
    : '/*' ( ~'*' | '*'+ ~[*/] )* '*'*
    ;

WS
    : [ \r\n\t]+ -> channel(HIDDEN)
    ;

// Catch-all for anything we can't recognize: the parser reports it as mismatched input
UNRECOGNIZED
    : .
    ;
