package io.strata.sql.parser;

import io.strata.spi.Location;
import io.strata.spi.StrataException;
import io.strata.sql.tree.AliasedRelation;
import io.strata.sql.tree.AllColumns;
import io.strata.sql.tree.ArithmeticBinary;
import io.strata.sql.tree.ArithmeticUnary;
import io.strata.sql.tree.ArrayConstructor;
import io.strata.sql.tree.BetweenPredicate;
import io.strata.sql.tree.BooleanLiteral;
import io.strata.sql.tree.Cast;
import io.strata.sql.tree.CoalesceExpression;
import io.strata.sql.tree.Commit;
import io.strata.sql.tree.ComparisonExpression;
import io.strata.sql.tree.CreateSchema;
import io.strata.sql.tree.CreateTable;
import io.strata.sql.tree.CreateTableAsSelect;
import io.strata.sql.tree.Cube;
import io.strata.sql.tree.CurrentTime;
import io.strata.sql.tree.DataType;
import io.strata.sql.tree.Deallocate;
import io.strata.sql.tree.DecimalLiteral;
import io.strata.sql.tree.DefaultTraversalVisitor;
import io.strata.sql.tree.DereferenceExpression;
import io.strata.sql.tree.DescribeInput;
import io.strata.sql.tree.DescribeOutput;
import io.strata.sql.tree.DoubleLiteral;
import io.strata.sql.tree.DropTable;
import io.strata.sql.tree.Execute;
import io.strata.sql.tree.ExistsPredicate;
import io.strata.sql.tree.Explain;
import io.strata.sql.tree.ExplainFormat;
import io.strata.sql.tree.ExplainType;
import io.strata.sql.tree.Expression;
import io.strata.sql.tree.Extract;
import io.strata.sql.tree.FrameBound;
import io.strata.sql.tree.FunctionCall;
import io.strata.sql.tree.GenericLiteral;
import io.strata.sql.tree.GroupingSets;
import io.strata.sql.tree.Identifier;
import io.strata.sql.tree.IfExpression;
import io.strata.sql.tree.InListPredicate;
import io.strata.sql.tree.InSubqueryPredicate;
import io.strata.sql.tree.Insert;
import io.strata.sql.tree.IntervalLiteral;
import io.strata.sql.tree.IsNotNullPredicate;
import io.strata.sql.tree.IsNullPredicate;
import io.strata.sql.tree.Isolation;
import io.strata.sql.tree.Join;
import io.strata.sql.tree.JoinOn;
import io.strata.sql.tree.JoinUsing;
import io.strata.sql.tree.LikePredicate;
import io.strata.sql.tree.Limit;
import io.strata.sql.tree.LogicalExpression;
import io.strata.sql.tree.LongLiteral;
import io.strata.sql.tree.NotExpression;
import io.strata.sql.tree.NullIfExpression;
import io.strata.sql.tree.NullLiteral;
import io.strata.sql.tree.Offset;
import io.strata.sql.tree.Parameter;
import io.strata.sql.tree.Prepare;
import io.strata.sql.tree.Property;
import io.strata.sql.tree.QualifiedName;
import io.strata.sql.tree.QuantifiedComparison;
import io.strata.sql.tree.Query;
import io.strata.sql.tree.QuerySpecification;
import io.strata.sql.tree.Relation;
import io.strata.sql.tree.ResetSession;
import io.strata.sql.tree.Rollback;
import io.strata.sql.tree.Rollup;
import io.strata.sql.tree.Row;
import io.strata.sql.tree.SearchedCaseExpression;
import io.strata.sql.tree.Select;
import io.strata.sql.tree.SelectItem;
import io.strata.sql.tree.SetOperation;
import io.strata.sql.tree.SetSession;
import io.strata.sql.tree.ShowCatalogs;
import io.strata.sql.tree.ShowColumns;
import io.strata.sql.tree.ShowFunctions;
import io.strata.sql.tree.ShowSchemas;
import io.strata.sql.tree.ShowSession;
import io.strata.sql.tree.ShowTables;
import io.strata.sql.tree.SimpleCaseExpression;
import io.strata.sql.tree.SimpleGroupBy;
import io.strata.sql.tree.SingleColumn;
import io.strata.sql.tree.SortItem;
import io.strata.sql.tree.StartTransaction;
import io.strata.sql.tree.Statement;
import io.strata.sql.tree.StringLiteral;
import io.strata.sql.tree.SubqueryExpression;
import io.strata.sql.tree.SubscriptExpression;
import io.strata.sql.tree.Table;
import io.strata.sql.tree.TableSubquery;
import io.strata.sql.tree.TransactionAccessMode;
import io.strata.sql.tree.Use;
import io.strata.sql.tree.Values;
import io.strata.sql.tree.WindowFrame;
import io.strata.sql.tree.WindowSpecification;
import io.strata.sql.tree.WithQuery;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.strata.protocol.ErrorCode.SYNTAX_ERROR;
import static io.strata.sql.tree.ArithmeticBinary.Operator.ADD;
import static io.strata.sql.tree.ArithmeticBinary.Operator.MULTIPLY;
import static io.strata.sql.tree.ArithmeticBinary.Operator.SUBTRACT;
import static io.strata.sql.tree.ComparisonExpression.Operator.EQUAL;
import static io.strata.sql.tree.ComparisonExpression.Operator.GREATER_THAN;
import static io.strata.sql.tree.ComparisonExpression.Operator.IS_DISTINCT_FROM;
import static io.strata.sql.tree.ComparisonExpression.Operator.NOT_EQUAL;
import static io.strata.sql.tree.LogicalExpression.Operator.AND;
import static io.strata.sql.tree.LogicalExpression.Operator.OR;
import static java.util.Locale.ENGLISH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class TestSqlParser
{
    private static final SqlParser PARSER = new SqlParser();

    // ---------------------------------------------------------------- precedence

    @Test
    public void testArithmeticPrecedence()
    {
        assertExpression("a + b * c", add(id("a"), multiply(id("b"), id("c"))));
        assertExpression("a * b + c", add(multiply(id("a"), id("b")), id("c")));
        assertExpression("(a + b) * c", multiply(add(id("a"), id("b")), id("c")));
        assertExpression("a - b - c", subtract(subtract(id("a"), id("b")), id("c")));
        assertExpression("a - (b - c)", subtract(id("a"), subtract(id("b"), id("c"))));
        assertExpression("a % b / c", new ArithmeticBinary(ArithmeticBinary.Operator.DIVIDE,
                new ArithmeticBinary(ArithmeticBinary.Operator.MODULUS, id("a"), id("b")), id("c")));
    }

    @Test
    public void testUnaryMinus()
    {
        assertExpression("-a * b", multiply(minus(id("a")), id("b")));
        assertExpression("-a.b", minus(new DereferenceExpression(id("a"), id("b"))));
        assertExpression("- -a", minus(minus(id("a"))));
        assertExpression("1 - -1", subtract(number(1), minus(number(1))));
        assertExpression("-(a + b)", minus(add(id("a"), id("b"))));
        assertExpression("+a", new ArithmeticUnary(ArithmeticUnary.Sign.PLUS, id("a")));
        assertExpression("-9223372036854775808", number(Long.MIN_VALUE));
        assertExpression("-1", minus(number(1)));
    }

    @Test
    public void testBooleanPrecedence()
    {
        assertExpression("NOT a AND b", and(new NotExpression(id("a")), id("b")));
        assertExpression("a OR b AND c", or(id("a"), and(id("b"), id("c"))));
        assertExpression("a AND b OR c AND d", or(and(id("a"), id("b")), and(id("c"), id("d"))));
        assertExpression("(a OR b) AND c", and(or(id("a"), id("b")), id("c")));
        assertExpression("NOT a = b", new NotExpression(comparison(EQUAL, id("a"), id("b"))));
        assertExpression("a = b AND c <> d", and(comparison(EQUAL, id("a"), id("b")), comparison(NOT_EQUAL, id("c"), id("d"))));
        assertExpression("a != b", comparison(NOT_EQUAL, id("a"), id("b")));
        assertExpression("a + 1 > b * 2", comparison(GREATER_THAN, add(id("a"), number(1)), multiply(id("b"), number(2))));
    }

    @Test
    public void testLogicalExpressionsAreFlattened()
    {
        assertExpression("a AND b AND c", and(id("a"), id("b"), id("c")));
        assertExpression("a AND (b AND c)", and(id("a"), id("b"), id("c")));
        assertExpression("a OR b OR c OR d", or(id("a"), id("b"), id("c"), id("d")));
        assertExpression("a OR (b AND c) OR d", or(id("a"), and(id("b"), id("c")), id("d")));
    }

    @Test
    public void testLongOrChainDoesNotRecurse()
    {
        StringBuilder sql = new StringBuilder("a = 0");
        for (int i = 1; i < 3000; i++) {
            sql.append(" OR a = ").append(i);
        }
        Expression expression = PARSER.createExpression(sql.toString());
        assertThat(((LogicalExpression) expression).terms()).hasSize(3000);
    }

    @Test
    public void testBetweenPrecedence()
    {
        assertExpression("x BETWEEN a AND b AND c", and(new BetweenPredicate(id("x"), id("a"), id("b")), id("c")));
        assertExpression("x NOT BETWEEN a + 1 AND b", new NotExpression(new BetweenPredicate(id("x"), add(id("a"), number(1)), id("b"))));
    }

    @Test
    public void testConcatenation()
    {
        assertExpression("a || b || c", concat(concat(id("a"), id("b")), id("c")));
        assertExpression("a + b || c", concat(add(id("a"), id("b")), id("c")));
    }

    // ---------------------------------------------------------------- predicates

    @Test
    public void testPredicates()
    {
        assertExpression("a IS NULL", new IsNullPredicate(id("a")));
        assertExpression("a IS NOT NULL", new IsNotNullPredicate(id("a")));
        assertExpression("a IS DISTINCT FROM b", comparison(IS_DISTINCT_FROM, id("a"), id("b")));
        assertExpression("a IS NOT DISTINCT FROM b", new NotExpression(comparison(IS_DISTINCT_FROM, id("a"), id("b"))));
        assertExpression("a IN (1, 2)", new InListPredicate(id("a"), List.of(number(1), number(2))));
        assertExpression("a NOT IN (1)", new NotExpression(new InListPredicate(id("a"), List.of(number(1)))));
        assertExpression("a LIKE 'x%'", new LikePredicate(id("a"), string("x%"), Optional.empty()));
        assertExpression("a NOT LIKE 'x!%' ESCAPE '!'", new NotExpression(new LikePredicate(id("a"), string("x!%"), Optional.of(string("!")))));

        assertThat(PARSER.createExpression("a IN (SELECT b FROM t)")).isInstanceOf(InSubqueryPredicate.class);
        assertThat(PARSER.createExpression("a NOT IN (SELECT b FROM t)"))
                .isInstanceOfSatisfying(NotExpression.class, not -> assertThat(not.value()).isInstanceOf(InSubqueryPredicate.class));
        assertThat(PARSER.createExpression("EXISTS (SELECT 1)")).isInstanceOf(ExistsPredicate.class);
        assertThat(PARSER.createExpression("(SELECT max(a) FROM t)")).isInstanceOf(SubqueryExpression.class);
    }

    @Test
    public void testQuantifiedComparison()
    {
        for (String quantifier : List.of("ANY", "SOME", "ALL")) {
            QuantifiedComparison comparison = (QuantifiedComparison) PARSER.createExpression("a >= " + quantifier + " (SELECT b FROM t)");
            assertThat(comparison.operator()).isEqualTo(ComparisonExpression.Operator.GREATER_THAN_OR_EQUAL);
            assertThat(comparison.quantifier()).isEqualTo(QuantifiedComparison.Quantifier.valueOf(quantifier));
            assertThat(comparison.value()).isEqualTo(id("a"));
        }
        // without a subquery, some(x) is a function call
        assertThat(PARSER.createExpression("a = some(b)")).isEqualTo(comparison(EQUAL, id("a"), call("some", id("b"))));
    }

    // ---------------------------------------------------------------- literals

    @Test
    public void testLiterals()
    {
        assertExpression("42", number(42));
        assertExpression("1.5", new DecimalLiteral("1.5"));
        assertExpression(".5", new DecimalLiteral(".5"));
        assertExpression("1e3", new DoubleLiteral(1000.0));
        assertExpression("2.5E-2", new DoubleLiteral(0.025));
        assertExpression("'it''s'", string("it's"));
        assertExpression("''", string(""));
        assertExpression("TRUE", new BooleanLiteral(true));
        assertExpression("false", new BooleanLiteral(false));
        assertExpression("NULL", new NullLiteral());
        assertExpression("DATE '1998-12-01'", new GenericLiteral("date", "1998-12-01"));
        assertExpression("timestamp '2020-01-01 00:00:00'", new GenericLiteral("timestamp", "2020-01-01 00:00:00"));
        assertExpression("DECIMAL '1.0'", new GenericLiteral("decimal", "1.0"));
        assertExpression("TIME '01:02:03'", new GenericLiteral("time", "01:02:03"));
        assertExpression("DOUBLE PRECISION '1.0'", new GenericLiteral("double", "1.0"));
        assertExpression("real '1.5'", new GenericLiteral("real", "1.5"));
    }

    @Test
    public void testIntervals()
    {
        assertExpression("INTERVAL '90' DAY", interval("90", IntervalLiteral.Sign.POSITIVE, IntervalLiteral.IntervalField.DAY, Optional.empty()));
        assertExpression("INTERVAL '3' MONTH", interval("3", IntervalLiteral.Sign.POSITIVE, IntervalLiteral.IntervalField.MONTH, Optional.empty()));
        assertExpression("interval - '1' year", interval("1", IntervalLiteral.Sign.NEGATIVE, IntervalLiteral.IntervalField.YEAR, Optional.empty()));
        assertExpression("INTERVAL +'1-2' YEAR TO MONTH",
                interval("1-2", IntervalLiteral.Sign.POSITIVE, IntervalLiteral.IntervalField.YEAR, Optional.of(IntervalLiteral.IntervalField.MONTH)));
        assertExpression("INTERVAL '1 10:00:00' DAY TO SECOND",
                interval("1 10:00:00", IntervalLiteral.Sign.POSITIVE, IntervalLiteral.IntervalField.DAY, Optional.of(IntervalLiteral.IntervalField.SECOND)));
        assertExpression("d - INTERVAL '90' DAY", subtract(id("d"), interval("90", IntervalLiteral.Sign.POSITIVE, IntervalLiteral.IntervalField.DAY, Optional.empty())));
    }

    @Test
    public void testParametersAreNumberedInTextOrder()
    {
        Query query = (Query) PARSER.createStatement("WITH w AS (SELECT ? AS x) SELECT ? FROM w WHERE x = ? AND y IN (?, ?)");
        List<Integer> positions = new ArrayList<>();
        new DefaultTraversalVisitor<Void>()
        {
            @Override
            public Void visitParameter(Parameter node, Void context)
            {
                positions.add(node.position());
                return null;
            }
        }.process(query, null);
        assertThat(positions).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(((QuerySpecification) query.with().orElseThrow().queries().get(0).query().queryBody()).select().selectItems().get(0))
                .isEqualTo(new SingleColumn(new Parameter(0), Optional.of(id("x"))));
    }

    @Test
    public void testSpecialFunctions()
    {
        assertExpression("CURRENT_DATE", new CurrentTime(CurrentTime.Function.CURRENT_DATE, Optional.empty()));
        assertExpression("current_timestamp(3)", new CurrentTime(CurrentTime.Function.CURRENT_TIMESTAMP, Optional.of(3)));
        assertExpression("LOCALTIMESTAMP", new CurrentTime(CurrentTime.Function.LOCALTIMESTAMP, Optional.empty()));
        assertExpression("CAST(a AS bigint)", new Cast(id("a"), new DataType("bigint"), false));
        assertExpression("TRY_CAST(a AS varchar(10))", new Cast(id("a"), type("varchar", new DataType.NumericParameter(10)), true));
        assertExpression("EXTRACT(YEAR FROM d)", new Extract(id("d"), Extract.Field.YEAR));
        assertExpression("extract(day_of_week FROM d)", new Extract(id("d"), Extract.Field.DAY_OF_WEEK));
        assertExpression("COALESCE(a, b, 0)", new CoalesceExpression(List.of(id("a"), id("b"), number(0))));
        assertExpression("NULLIF(a, 0)", new NullIfExpression(id("a"), number(0)));
        assertExpression("IF(a > 0, 1)", new IfExpression(comparison(GREATER_THAN, id("a"), number(0)), number(1), Optional.empty()));
        assertExpression("if(c, 1, 2)", new IfExpression(id("c"), number(1), Optional.of(number(2))));
        assertExpression("substring(s FROM 2 FOR 3)", call("substr", id("s"), number(2), number(3)));
        assertExpression("substring(s, 2)", call("substring", id("s"), number(2)));
        assertExpression("position('x' IN s)", call("strpos", id("s"), string("x")));
        assertExpression("ARRAY[1, 2]", new ArrayConstructor(List.of(number(1), number(2))));
        assertExpression("ARRAY[]", new ArrayConstructor(List.of()));
        assertExpression("a[1]", new SubscriptExpression(id("a"), number(1)));
        assertExpression("row(1, 'a')", new Row(List.of(number(1), string("a"))));
        assertExpression("(1, 'a')", new Row(List.of(number(1), string("a"))));
    }

    @Test
    public void testCase()
    {
        assertThat(PARSER.createExpression("CASE a WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END"))
                .isInstanceOfSatisfying(SimpleCaseExpression.class, expression -> {
                    assertThat(expression.operand()).isEqualTo(id("a"));
                    assertThat(expression.whenClauses()).hasSize(2);
                    assertThat(expression.defaultValue()).contains(string("many"));
                });
        assertThat(PARSER.createExpression("CASE WHEN a > 1 THEN 1 END"))
                .isInstanceOfSatisfying(SearchedCaseExpression.class, expression -> {
                    assertThat(expression.whenClauses().get(0).operand()).isEqualTo(comparison(GREATER_THAN, id("a"), number(1)));
                    assertThat(expression.defaultValue()).isEmpty();
                });
    }

    @Test
    public void testFunctionCalls()
    {
        assertExpression("count(*)", call("count"));
        assertExpression("sum(DISTINCT x)", new FunctionCall(name("sum"), true, List.of(id("x")), Optional.empty(), Optional.empty()));
        assertExpression("my_catalog.my_schema.f(1)", new FunctionCall(name("my_catalog", "my_schema", "f"), false, List.of(number(1)), Optional.empty(), Optional.empty()));
        assertExpression("count(*) FILTER (WHERE x > 0)",
                new FunctionCall(name("count"), false, List.of(), Optional.of(comparison(GREATER_THAN, id("x"), number(0))), Optional.empty()));

        FunctionCall window = (FunctionCall) PARSER.createExpression(
                "rank() OVER (PARTITION BY a, b ORDER BY c DESC NULLS FIRST ROWS BETWEEN 2 PRECEDING AND UNBOUNDED FOLLOWING)");
        WindowSpecification specification = window.window().orElseThrow();
        assertThat(specification.partitionBy()).containsExactly(id("a"), id("b"));
        assertThat(specification.orderBy().orElseThrow().sortItems())
                .containsExactly(new SortItem(id("c"), SortItem.Ordering.DESCENDING, SortItem.NullOrdering.FIRST));
        assertThat(specification.frame()).contains(new WindowFrame(
                WindowFrame.Type.ROWS,
                new FrameBound(FrameBound.Type.PRECEDING, Optional.of(number(2))),
                Optional.of(new FrameBound(FrameBound.Type.UNBOUNDED_FOLLOWING, Optional.empty()))));

        FunctionCall range = (FunctionCall) PARSER.createExpression("sum(x) OVER (ORDER BY y RANGE UNBOUNDED PRECEDING)");
        assertThat(range.window().orElseThrow().frame())
                .contains(new WindowFrame(WindowFrame.Type.RANGE, new FrameBound(FrameBound.Type.UNBOUNDED_PRECEDING, Optional.empty()), Optional.empty()));
        FunctionCall current = (FunctionCall) PARSER.createExpression("sum(x) OVER (ROWS CURRENT ROW)");
        assertThat(current.window().orElseThrow().frame().orElseThrow().start().type()).isEqualTo(FrameBound.Type.CURRENT_ROW);
        assertThat(((FunctionCall) PARSER.createExpression("sum(x) OVER ()")).window()).contains(new WindowSpecification(List.of(), Optional.empty(), Optional.empty()));
    }

    // ---------------------------------------------------------------- identifiers

    @Test
    public void testIdentifiers()
    {
        assertExpression("Foo", id("foo"));
        assertExpression("FOO_bar1", id("foo_bar1"));
        assertExpression("_x", id("_x"));
        assertExpression("\"Foo\"", new Identifier("Foo", true));
        assertExpression("\"a\"\"b\"", new Identifier("a\"b", true));
        assertExpression("\"select\"", new Identifier("select", true));
        assertExpression("a.b.c", new DereferenceExpression(new DereferenceExpression(id("a"), id("b")), id("c")));
        assertThat(DereferenceExpression.toQualifiedName(PARSER.createExpression("A.\"B\".c")))
                .contains(new QualifiedName(List.of(id("a"), new Identifier("B", true), id("c"))));
        assertThat(DereferenceExpression.toQualifiedName(PARSER.createExpression("f(x).c"))).isEmpty();
        assertThat(new QualifiedName(List.of(id("a"), new Identifier("B", true))).parts()).containsExactly("a", "b");
    }

    @Test
    public void testNonReservedKeywordsAreNames()
    {
        for (String word : List.of("date", "year", "comment", "position", "schema", "tables", "data", "first", "last", "name", "type", "substring", "row", "if")) {
            assertThat(PARSER.createStatement("SELECT " + word + " FROM " + word))
                    .as(word)
                    .isEqualTo(simpleQuery(List.of(new SingleColumn(id(word), Optional.empty())), new Table(name(word))));
        }
        for (String word : SqlKeywords.nonReservedWords()) {
            String lower = word.toLowerCase(ENGLISH);
            assertThat(PARSER.createStatement("SELECT t." + word + " AS " + word + " FROM " + word + " t WHERE " + word + " > 0"))
                    .as(word)
                    .isInstanceOf(Query.class);
            assertThat(PARSER.createExpression(word + " + 1")).as(word).isEqualTo(add(id(lower), number(1)));
        }
    }

    @Test
    public void testReservedWordsNeedQuotes()
    {
        assertThat(SqlKeywords.reservedWords()).contains("SELECT", "FROM", "WHERE", "JOIN", "GROUP", "ORDER", "UNION", "CAST", "NOT", "NULL");
        assertThat(SqlKeywords.reservedWords()).doesNotContain("DATE", "YEAR", "LIMIT", "SCHEMA", "ROW");
        assertThat(SqlKeywords.isReserved("select")).isTrue();
        for (String word : SqlKeywords.reservedWords()) {
            assertThatThrownBy(() -> PARSER.createStatement("SELECT x AS " + word))
                    .as(word)
                    .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(SYNTAX_ERROR));
        }
    }

    // ---------------------------------------------------------------- types

    @Test
    public void testTypes()
    {
        assertType("boolean", new DataType("boolean"));
        assertType("INT", new DataType("integer"));
        assertType("integer", new DataType("integer"));
        assertType("double precision", new DataType("double"));
        assertType("DOUBLE", new DataType("double"));
        assertType("decimal(12, 2)", type("decimal", new DataType.NumericParameter(12), new DataType.NumericParameter(2)));
        assertType("varchar", new DataType("varchar"));
        assertType("char(3)", type("char", new DataType.NumericParameter(3)));
        assertType("time(3)", type("time", new DataType.NumericParameter(3)));
        assertType("timestamp", new DataType("timestamp"));
        assertType("timestamp(6) without time zone", type("timestamp", new DataType.NumericParameter(6)));
        assertType("timestamp with time zone", new DataType("timestamp with time zone"));
        assertType("TIMESTAMP(3) WITH TIME ZONE", type("timestamp with time zone", new DataType.NumericParameter(3)));
        assertType("interval day to second", new DataType("interval day to second"));
        assertType("INTERVAL YEAR TO MONTH", new DataType("interval year to month"));
        assertType("array(bigint)", type("array", new DataType.TypeParameter(new DataType("bigint"))));
        assertType("map(varchar, array(double))",
                type("map", new DataType.TypeParameter(new DataType("varchar")), new DataType.TypeParameter(type("array", new DataType.TypeParameter(new DataType("double"))))));
        assertType("row(a bigint, \"B\" varchar(3))", type("row",
                new DataType.RowField(Optional.of(id("a")), new DataType("bigint")),
                new DataType.RowField(Optional.of(new Identifier("B", true)), type("varchar", new DataType.NumericParameter(3)))));
        assertType("row(bigint, date)", type("row",
                new DataType.RowField(Optional.empty(), new DataType("bigint")),
                new DataType.RowField(Optional.empty(), new DataType("date"))));
    }

    // ---------------------------------------------------------------- queries

    @Test
    public void testSimpleQuery()
    {
        Statement statement = PARSER.createStatement("SELECT a, b AS x, c y, t.*, * FROM t");
        assertThat(statement).isEqualTo(simpleQuery(
                List.of(
                        new SingleColumn(id("a"), Optional.empty()),
                        new SingleColumn(id("b"), Optional.of(id("x"))),
                        new SingleColumn(id("c"), Optional.of(id("y"))),
                        new AllColumns(Optional.of(name("t"))),
                        new AllColumns(Optional.empty())),
                new Table(name("t"))));
        assertThat(((QuerySpecification) ((Query) PARSER.createStatement("SELECT DISTINCT a FROM t")).queryBody()).select().distinct()).isTrue();
        assertThat(((QuerySpecification) ((Query) PARSER.createStatement("SELECT ALL a FROM t")).queryBody()).select().distinct()).isFalse();
        assertThat(((QuerySpecification) ((Query) PARSER.createStatement("SELECT 1")).queryBody()).from()).isEmpty();
    }

    @Test
    public void testOrderLimitBelongToTheQuerySpecification()
    {
        Query query = (Query) PARSER.createStatement("SELECT a FROM t ORDER BY a DESC, 2 NULLS LAST OFFSET 5 ROWS LIMIT 10");
        QuerySpecification specification = (QuerySpecification) query.queryBody();
        assertThat(query.orderBy()).isEmpty();
        assertThat(query.limit()).isEmpty();
        assertThat(specification.orderBy().orElseThrow().sortItems()).containsExactly(
                new SortItem(id("a"), SortItem.Ordering.DESCENDING, SortItem.NullOrdering.UNDEFINED),
                new SortItem(number(2), SortItem.Ordering.ASCENDING, SortItem.NullOrdering.LAST));
        assertThat(specification.offset()).contains(new Offset(5));
        assertThat(specification.limit()).contains(new Limit(10));

        assertThat(((QuerySpecification) ((Query) PARSER.createStatement("SELECT a FROM t LIMIT ALL")).queryBody()).limit()).isEmpty();
        assertThat(((QuerySpecification) ((Query) PARSER.createStatement("SELECT a FROM t FETCH FIRST 3 ROWS ONLY")).queryBody()).limit()).contains(new Limit(3));
        assertThat(((QuerySpecification) ((Query) PARSER.createStatement("SELECT a FROM t FETCH NEXT ROW ONLY")).queryBody()).limit()).contains(new Limit(1));

        Query union = (Query) PARSER.createStatement("SELECT a FROM t UNION SELECT b FROM u ORDER BY 1 LIMIT 3");
        assertThat(union.queryBody()).isInstanceOf(SetOperation.class);
        assertThat(union.orderBy()).isPresent();
        assertThat(union.limit()).contains(new Limit(3));
    }

    @Test
    public void testJoins()
    {
        assertThat(from("SELECT * FROM a JOIN b ON a.x = b.x"))
                .isEqualTo(new Join(Join.Type.INNER, table("a"), table("b"), Optional.of(new JoinOn(comparison(EQUAL, dereference("a", "x"), dereference("b", "x"))))));
        assertThat(from("SELECT * FROM a INNER JOIN b USING (x, y)"))
                .isEqualTo(new Join(Join.Type.INNER, table("a"), table("b"), Optional.of(new JoinUsing(List.of(id("x"), id("y"))))));
        assertThat(((Join) from("SELECT * FROM a LEFT JOIN b ON TRUE")).type()).isEqualTo(Join.Type.LEFT);
        assertThat(((Join) from("SELECT * FROM a LEFT OUTER JOIN b ON TRUE")).type()).isEqualTo(Join.Type.LEFT);
        assertThat(((Join) from("SELECT * FROM a RIGHT OUTER JOIN b ON TRUE")).type()).isEqualTo(Join.Type.RIGHT);
        assertThat(((Join) from("SELECT * FROM a FULL JOIN b ON TRUE")).type()).isEqualTo(Join.Type.FULL);
        assertThat(((Join) from("SELECT * FROM a FULL OUTER JOIN b ON TRUE")).type()).isEqualTo(Join.Type.FULL);
        assertThat(from("SELECT * FROM a CROSS JOIN b")).isEqualTo(new Join(Join.Type.CROSS, table("a"), table("b"), Optional.empty()));
        assertThat(from("SELECT * FROM a, b, c"))
                .isEqualTo(new Join(Join.Type.IMPLICIT, new Join(Join.Type.IMPLICIT, table("a"), table("b"), Optional.empty()), table("c"), Optional.empty()));
        assertThat(from("SELECT * FROM a JOIN b ON x JOIN c ON y"))
                .isEqualTo(new Join(Join.Type.INNER,
                        new Join(Join.Type.INNER, table("a"), table("b"), Optional.of(new JoinOn(id("x")))),
                        table("c"),
                        Optional.of(new JoinOn(id("y")))));
        assertThat(from("SELECT * FROM a JOIN (b JOIN c ON y) ON x"))
                .isEqualTo(new Join(Join.Type.INNER,
                        table("a"),
                        new Join(Join.Type.INNER, table("b"), table("c"), Optional.of(new JoinOn(id("y")))),
                        Optional.of(new JoinOn(id("x")))));
    }

    @Test
    public void testRelations()
    {
        assertThat(from("SELECT * FROM tpch.tiny.orders")).isEqualTo(new Table(name("tpch", "tiny", "orders")));
        assertThat(from("SELECT * FROM orders AS o")).isEqualTo(new AliasedRelation(table("orders"), id("o"), List.of()));
        assertThat(from("SELECT * FROM orders o (a, b)")).isEqualTo(new AliasedRelation(table("orders"), id("o"), List.of(id("a"), id("b"))));
        assertThat(from("SELECT * FROM (SELECT 1) x"))
                .isInstanceOfSatisfying(AliasedRelation.class, aliased -> assertThat(aliased.relation()).isInstanceOf(TableSubquery.class));
        assertThat(from("SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v (n, s)"))
                .isInstanceOfSatisfying(AliasedRelation.class, aliased -> {
                    Query query = ((TableSubquery) aliased.relation()).query();
                    assertThat(query.queryBody()).isEqualTo(new Values(List.of(
                            new Row(List.of(number(1), string("a"))),
                            new Row(List.of(number(2), string("b"))))));
                });
        assertThat(from("SELECT * FROM t LIMIT 1")).isEqualTo(table("t"));
        assertThat(((Query) PARSER.createStatement("VALUES 1, 2")).queryBody()).isEqualTo(new Values(List.of(number(1), number(2))));
    }

    @Test
    public void testGroupBy()
    {
        QuerySpecification specification = (QuerySpecification) ((Query) PARSER.createStatement(
                "SELECT a, sum(b) FROM t WHERE c GROUP BY a, 2, ROLLUP (a, b), CUBE (c), GROUPING SETS ((a, b), (a), ()) HAVING sum(b) > 1"))
                .queryBody();
        assertThat(specification.where()).contains(id("c"));
        assertThat(specification.groupBy().orElseThrow().groupingElements()).containsExactly(
                new SimpleGroupBy(id("a")),
                new SimpleGroupBy(number(2)),
                new Rollup(List.of(id("a"), id("b"))),
                new Cube(List.of(id("c"))),
                new GroupingSets(List.of(List.of(id("a"), id("b")), List.of(id("a")), List.of())));
        assertThat(specification.having()).contains(comparison(GREATER_THAN, call("sum", id("b")), number(1)));
    }

    @Test
    public void testSetOperations()
    {
        SetOperation union = (SetOperation) ((Query) PARSER.createStatement("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT ALL SELECT 4")).queryBody();
        // INTERSECT binds tighter; UNION and EXCEPT associate to the left
        assertThat(union.type()).isEqualTo(SetOperation.Type.EXCEPT);
        assertThat(union.distinct()).isFalse();
        SetOperation left = (SetOperation) union.left();
        assertThat(left.type()).isEqualTo(SetOperation.Type.UNION);
        assertThat(left.distinct()).isTrue();
        assertThat(((SetOperation) left.right()).type()).isEqualTo(SetOperation.Type.INTERSECT);
        assertThat(((SetOperation) ((Query) PARSER.createStatement("SELECT 1 UNION DISTINCT SELECT 2")).queryBody()).distinct()).isTrue();
        assertThat(((SetOperation) ((Query) PARSER.createStatement("(SELECT 1) UNION ALL (SELECT 2)")).queryBody()).left()).isInstanceOf(TableSubquery.class);
    }

    @Test
    public void testWith()
    {
        Query query = (Query) PARSER.createStatement("WITH a (x) AS (SELECT 1), b AS (SELECT * FROM a) SELECT * FROM b");
        List<WithQuery> queries = query.with().orElseThrow().queries();
        assertThat(queries).extracting(WithQuery::name).containsExactly(id("a"), id("b"));
        assertThat(queries.get(0).columnNames()).containsExactly(id("x"));
        assertThat(queries.get(1).columnNames()).isEmpty();
    }

    // ---------------------------------------------------------------- statements

    @Test
    public void testStatementKinds()
    {
        assertThat(PARSER.createStatement("SHOW CATALOGS")).isEqualTo(new ShowCatalogs(Optional.empty(), Optional.empty()));
        assertThat(PARSER.createStatement("SHOW CATALOGS LIKE 't%'")).isEqualTo(new ShowCatalogs(Optional.of("t%"), Optional.empty()));
        assertThat(PARSER.createStatement("SHOW SCHEMAS")).isEqualTo(new ShowSchemas(Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(PARSER.createStatement("SHOW SCHEMAS FROM tpch LIKE 't$_%' ESCAPE '$'"))
                .isEqualTo(new ShowSchemas(Optional.of(id("tpch")), Optional.of("t$_%"), Optional.of("$")));
        assertThat(PARSER.createStatement("SHOW TABLES")).isEqualTo(new ShowTables(Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(PARSER.createStatement("SHOW TABLES FROM tpch.tiny LIKE 'o%'"))
                .isEqualTo(new ShowTables(Optional.of(name("tpch", "tiny")), Optional.of("o%"), Optional.empty()));
        assertThat(PARSER.createStatement("SHOW TABLES IN tiny")).isEqualTo(new ShowTables(Optional.of(name("tiny")), Optional.empty(), Optional.empty()));
        assertThat(PARSER.createStatement("SHOW COLUMNS FROM tpch.tiny.orders")).isEqualTo(new ShowColumns(name("tpch", "tiny", "orders")));
        assertThat(PARSER.createStatement("DESCRIBE orders")).isEqualTo(new ShowColumns(name("orders")));
        assertThat(PARSER.createStatement("DESC orders")).isEqualTo(new ShowColumns(name("orders")));
        assertThat(PARSER.createStatement("DESCRIBE input")).isEqualTo(new ShowColumns(name("input")));
        assertThat(PARSER.createStatement("SHOW SESSION")).isEqualTo(new ShowSession(Optional.empty(), Optional.empty()));
        assertThat(PARSER.createStatement("SHOW SESSION LIKE 'query%'")).isEqualTo(new ShowSession(Optional.of("query%"), Optional.empty()));
        assertThat(PARSER.createStatement("SHOW FUNCTIONS")).isEqualTo(new ShowFunctions(Optional.empty(), Optional.empty()));
        assertThat(PARSER.createStatement("USE tpch.tiny")).isEqualTo(new Use(Optional.of(id("tpch")), id("tiny")));
        assertThat(PARSER.createStatement("USE tiny")).isEqualTo(new Use(Optional.empty(), id("tiny")));
        assertThat(PARSER.createStatement("SET SESSION query_max_memory = '1GB'")).isEqualTo(new SetSession(name("query_max_memory"), string("1GB")));
        assertThat(PARSER.createStatement("SET SESSION tpch.splits_per_node = 4")).isEqualTo(new SetSession(name("tpch", "splits_per_node"), number(4)));
        assertThat(PARSER.createStatement("RESET SESSION tpch.splits_per_node")).isEqualTo(new ResetSession(name("tpch", "splits_per_node")));
        assertThat(PARSER.createStatement("PREPARE q FROM SELECT * FROM t WHERE a = ?"))
                .isInstanceOfSatisfying(Prepare.class, prepare -> {
                    assertThat(prepare.name()).isEqualTo(id("q"));
                    assertThat(prepare.statement()).isInstanceOf(Query.class);
                });
        assertThat(PARSER.createStatement("EXECUTE q")).isEqualTo(new Execute(id("q"), List.of()));
        assertThat(PARSER.createStatement("EXECUTE q USING 1, 'a'")).isEqualTo(new Execute(id("q"), List.of(number(1), string("a"))));
        assertThat(PARSER.createStatement("DEALLOCATE PREPARE q")).isEqualTo(new Deallocate(id("q")));
        assertThat(PARSER.createStatement("DESCRIBE INPUT q")).isEqualTo(new DescribeInput(id("q")));
        assertThat(PARSER.createStatement("DESCRIBE OUTPUT q")).isEqualTo(new DescribeOutput(id("q")));
        assertThat(PARSER.createStatement("START TRANSACTION")).isEqualTo(new StartTransaction(List.of()));
        assertThat(PARSER.createStatement("START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"))
                .isEqualTo(new StartTransaction(List.of(new Isolation(Isolation.Level.REPEATABLE_READ), new TransactionAccessMode(true))));
        assertThat(PARSER.createStatement("START TRANSACTION READ WRITE, ISOLATION LEVEL READ UNCOMMITTED"))
                .isEqualTo(new StartTransaction(List.of(new TransactionAccessMode(false), new Isolation(Isolation.Level.READ_UNCOMMITTED))));
        assertThat(PARSER.createStatement("START TRANSACTION ISOLATION LEVEL SERIALIZABLE"))
                .isEqualTo(new StartTransaction(List.of(new Isolation(Isolation.Level.SERIALIZABLE))));
        assertThat(PARSER.createStatement("START TRANSACTION ISOLATION LEVEL READ COMMITTED"))
                .isEqualTo(new StartTransaction(List.of(new Isolation(Isolation.Level.READ_COMMITTED))));
        assertThat(PARSER.createStatement("COMMIT")).isEqualTo(new Commit());
        assertThat(PARSER.createStatement("COMMIT WORK")).isEqualTo(new Commit());
        assertThat(PARSER.createStatement("ROLLBACK")).isEqualTo(new Rollback());
        assertThat(PARSER.createStatement("ROLLBACK WORK")).isEqualTo(new Rollback());
    }

    @Test
    public void testExplain()
    {
        assertThat(PARSER.createStatement("EXPLAIN SELECT 1"))
                .isInstanceOfSatisfying(Explain.class, explain -> {
                    assertThat(explain.analyze()).isFalse();
                    assertThat(explain.options()).isEmpty();
                    assertThat(explain.statement()).isInstanceOf(Query.class);
                });
        assertThat(PARSER.createStatement("EXPLAIN ANALYZE (TYPE DISTRIBUTED, FORMAT TEXT) SELECT 1"))
                .isInstanceOfSatisfying(Explain.class, explain -> {
                    assertThat(explain.analyze()).isTrue();
                    assertThat(explain.options()).containsExactly(new ExplainType(ExplainType.Type.DISTRIBUTED), new ExplainFormat(ExplainFormat.Type.TEXT));
                });
        assertThat(((Explain) PARSER.createStatement("EXPLAIN (TYPE LOGICAL) SHOW TABLES")).statement()).isInstanceOf(ShowTables.class);
        assertThat(((Explain) PARSER.createStatement("EXPLAIN (SELECT 1)")).statement()).isInstanceOf(Query.class);
    }

    @Test
    public void testDataDefinition()
    {
        assertThat(PARSER.createStatement("CREATE SCHEMA memory.s")).isEqualTo(new CreateSchema(name("memory", "s"), false, List.of()));
        assertThat(PARSER.createStatement("CREATE SCHEMA IF NOT EXISTS s WITH (location = 'x')"))
                .isEqualTo(new CreateSchema(name("s"), true, List.of(new Property(id("location"), string("x")))));

        assertThat(PARSER.createStatement("CREATE TABLE IF NOT EXISTS t (a bigint NOT NULL, b varchar(10) COMMENT 'the b', c decimal(5,2))"))
                .isInstanceOfSatisfying(CreateTable.class, create -> {
                    assertThat(create.name()).isEqualTo(name("t"));
                    assertThat(create.notExists()).isTrue();
                    assertThat(create.columns()).hasSize(3);
                    assertThat(create.columns().get(0).nullable()).isFalse();
                    assertThat(create.columns().get(1).comment()).contains("the b");
                    assertThat(create.columns().get(2).type()).isEqualTo(type("decimal", new DataType.NumericParameter(5), new DataType.NumericParameter(2)));
                });
        assertThat(PARSER.createStatement("CREATE TABLE t AS SELECT 1 AS x"))
                .isInstanceOfSatisfying(CreateTableAsSelect.class, create -> {
                    assertThat(create.withData()).isTrue();
                    assertThat(create.columnAliases()).isEmpty();
                });
        assertThat(PARSER.createStatement("CREATE TABLE t (x) WITH (format = 'ORC') AS (SELECT 1) WITH NO DATA"))
                .isInstanceOfSatisfying(CreateTableAsSelect.class, create -> {
                    assertThat(create.withData()).isFalse();
                    assertThat(create.columnAliases()).containsExactly(id("x"));
                    assertThat(create.properties()).containsExactly(new Property(id("format"), string("ORC")));
                });
        assertThat(((CreateTableAsSelect) PARSER.createStatement("CREATE TABLE t AS SELECT 1 WITH DATA")).withData()).isTrue();
        assertThat(PARSER.createStatement("INSERT INTO t (a, b) SELECT 1, 2"))
                .isInstanceOfSatisfying(Insert.class, insert -> assertThat(insert.columns()).containsExactly(id("a"), id("b")));
        assertThat(PARSER.createStatement("INSERT INTO s.t VALUES (1, 2)"))
                .isInstanceOfSatisfying(Insert.class, insert -> {
                    assertThat(insert.target()).isEqualTo(name("s", "t"));
                    assertThat(insert.columns()).isEmpty();
                });
        assertThat(PARSER.createStatement("DROP TABLE t")).isEqualTo(new DropTable(name("t"), false));
        assertThat(PARSER.createStatement("DROP TABLE IF EXISTS c.s.t")).isEqualTo(new DropTable(name("c", "s", "t"), true));
    }

    @Test
    public void testCommentsAndCase()
    {
        assertThat(PARSER.createStatement("-- leading\nselect /* inline */ A from T -- trailing"))
                .isEqualTo(PARSER.createStatement("SELECT a FROM t"));
    }

    @Test
    public void testLocations()
    {
        Query query = (Query) PARSER.createStatement("SELECT\n  a + 1 AS x\nFROM t");
        QuerySpecification specification = (QuerySpecification) query.queryBody();
        SingleColumn column = (SingleColumn) specification.select().selectItems().get(0);
        assertThat(column.location()).contains(new Location(2, 3));
        // binary operators are located at their operator
        assertThat(column.expression().location()).contains(new Location(2, 5));
        assertThat(((ArithmeticBinary) column.expression()).left().location()).contains(new Location(2, 3));
        assertThat(column.alias().orElseThrow().location()).contains(new Location(2, 12));
        assertThat(specification.from().orElseThrow().location()).contains(new Location(3, 6));
    }

    @Test
    public void testCreateExpressionAndType()
    {
        assertThat(PARSER.createExpression("a = 1")).isEqualTo(comparison(EQUAL, id("a"), number(1)));
        assertThat(PARSER.createType("decimal(12,2)")).isEqualTo(type("decimal", new DataType.NumericParameter(12), new DataType.NumericParameter(2)));
        assertThatThrownBy(() -> PARSER.createExpression("a = 1 b"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.location()).contains(new Location(1, 7)));
    }

    // ---------------------------------------------------------------- helpers

    private static void assertExpression(String sql, Expression expected)
    {
        assertThat(PARSER.createExpression(sql)).as(sql).isEqualTo(expected);
    }

    private static void assertType(String sql, DataType expected)
    {
        assertThat(PARSER.createType(sql)).as(sql).isEqualTo(expected);
        assertThat(PARSER.createExpression("CAST(x AS " + sql + ")")).as(sql).isEqualTo(new Cast(id("x"), expected, false));
    }

    private static Relation from(String sql)
    {
        return ((QuerySpecification) ((Query) PARSER.createStatement(sql)).queryBody()).from().orElseThrow();
    }

    private static Query simpleQuery(List<SelectItem> items, Relation from)
    {
        QuerySpecification specification = new QuerySpecification(
                new Select(false, items),
                Optional.of(from),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        return new Query(Optional.empty(), specification, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Identifier id(String name)
    {
        return new Identifier(name);
    }

    private static QualifiedName name(String first, String... rest)
    {
        return QualifiedName.of(first, rest);
    }

    private static Table table(String name)
    {
        return new Table(name(name));
    }

    private static DereferenceExpression dereference(String base, String field)
    {
        return new DereferenceExpression(id(base), id(field));
    }

    private static LongLiteral number(long value)
    {
        return new LongLiteral(value);
    }

    private static StringLiteral string(String value)
    {
        return new StringLiteral(value);
    }

    private static DataType type(String name, DataType.Parameter... parameters)
    {
        return new DataType(name, List.of(parameters));
    }

    private static IntervalLiteral interval(String value, IntervalLiteral.Sign sign, IntervalLiteral.IntervalField start, Optional<IntervalLiteral.IntervalField> end)
    {
        return new IntervalLiteral(value, sign, start, end);
    }

    private static ArithmeticBinary add(Expression left, Expression right)
    {
        return new ArithmeticBinary(ADD, left, right);
    }

    private static ArithmeticBinary subtract(Expression left, Expression right)
    {
        return new ArithmeticBinary(SUBTRACT, left, right);
    }

    private static ArithmeticBinary multiply(Expression left, Expression right)
    {
        return new ArithmeticBinary(MULTIPLY, left, right);
    }

    private static ArithmeticUnary minus(Expression value)
    {
        return new ArithmeticUnary(ArithmeticUnary.Sign.MINUS, value);
    }

    private static ComparisonExpression comparison(ComparisonExpression.Operator operator, Expression left, Expression right)
    {
        return new ComparisonExpression(operator, left, right);
    }

    private static LogicalExpression and(Expression... terms)
    {
        return new LogicalExpression(AND, List.of(terms));
    }

    private static LogicalExpression or(Expression... terms)
    {
        return new LogicalExpression(OR, List.of(terms));
    }

    private static FunctionCall call(String name, Expression... arguments)
    {
        return new FunctionCall(name(name), false, List.of(arguments), Optional.empty(), Optional.empty());
    }

    private static FunctionCall concat(Expression left, Expression right)
    {
        return call("concat", left, right);
    }
}
