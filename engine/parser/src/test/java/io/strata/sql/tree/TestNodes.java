package io.strata.sql.tree;

import io.strata.spi.Location;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class TestNodes
{
    private static final Optional<Location> HERE = Optional.of(new Location(1, 1));
    private static final Optional<Location> THERE = Optional.of(new Location(7, 42));

    @Test
    public void testEqualityIgnoresLocation()
    {
        Expression here = new ArithmeticBinary(HERE, ArithmeticBinary.Operator.ADD, new Identifier(HERE, "a", false), new LongLiteral(HERE, 1));
        Expression there = new ArithmeticBinary(THERE, ArithmeticBinary.Operator.ADD, new Identifier(THERE, "a", false), new LongLiteral(THERE, 1));
        Expression nowhere = new ArithmeticBinary(ArithmeticBinary.Operator.ADD, new Identifier("a"), new LongLiteral(1));
        assertThat(here).isEqualTo(there).isEqualTo(nowhere).hasSameHashCodeAs(there).hasSameHashCodeAs(nowhere);
        assertThat(here.location()).isNotEqualTo(there.location());

        assertThat(here).isNotEqualTo(new ArithmeticBinary(ArithmeticBinary.Operator.SUBTRACT, new Identifier("a"), new LongLiteral(1)));
        assertThat(here).isNotEqualTo(new ArithmeticBinary(ArithmeticBinary.Operator.ADD, new Identifier("a"), new LongLiteral(2)));
        assertThat(new Identifier("a")).isNotEqualTo(new Identifier("a", true));
        assertThat(new LongLiteral(1)).isNotEqualTo(new Parameter(1));
        assertThat(new NullLiteral(HERE)).isEqualTo(new NullLiteral(THERE)).hasSameHashCodeAs(new NullLiteral());
    }

    @Test
    public void testValidation()
    {
        assertThatThrownBy(() -> new Identifier("Upper")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Identifier("", true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LogicalExpression(LogicalExpression.Operator.AND, List.of(new Identifier("a"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Join(Join.Type.CROSS, table("a"), table("b"), Optional.of(new JoinOn(new BooleanLiteral(true)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Join(Join.Type.LEFT, table("a"), table("b"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FrameBound(FrameBound.Type.PRECEDING, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limit(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Table(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new QualifiedName(List.of())).isInstanceOf(IllegalArgumentException.class);

        QuerySpecification specification = new QuerySpecification(
                new Select(false, List.of(new AllColumns(Optional.empty()))),
                Optional.of(table("t")),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        assertThatThrownBy(() -> new Query(Optional.empty(), specification, Optional.empty(), Optional.empty(), Optional.of(new Limit(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void testListsAreCopied()
    {
        List<Expression> items = new ArrayList<>(List.of(new LongLiteral(1)));
        Row row = new Row(items);
        items.add(new LongLiteral(2));
        assertThat(row.items()).hasSize(1);
        assertThatThrownBy(() -> row.items().add(new LongLiteral(3))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    public void testChildren()
    {
        SingleColumn column = new SingleColumn(new Identifier("a"), Optional.of(new Identifier("alias")));
        // names are not children
        assertThat(column.children()).containsExactly(new Identifier("a"));
        FunctionCall call = new FunctionCall(
                QualifiedName.of("sum"),
                false,
                List.of(new Identifier("x")),
                Optional.of(new BooleanLiteral(true)),
                Optional.of(new WindowSpecification(List.of(new Identifier("p")), Optional.empty(), Optional.empty())));
        assertThat(call.children()).hasSize(3);
        assertThat(new GroupingSets(List.of(List.of(new Identifier("a")), List.of(), List.of(new Identifier("b"), new Identifier("c")))).children())
                .containsExactly(new Identifier("a"), new Identifier("b"), new Identifier("c"));
    }

    @Test
    public void testVisitorDelegatesToSupertypes()
    {
        AstVisitor<String, Void> visitor = new AstVisitor<>()
        {
            @Override
            public String visitLiteral(Literal node, Void context)
            {
                return "literal";
            }

            @Override
            public String visitExpression(Expression node, Void context)
            {
                return "expression";
            }
        };
        assertThat(visitor.process(new LongLiteral(1), null)).isEqualTo("literal");
        assertThat(visitor.process(new StringLiteral("x"), null)).isEqualTo("literal");
        assertThat(visitor.process(new Identifier("x"), null)).isEqualTo("expression");
        assertThatThrownBy(() -> visitor.process(table("t"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Table");
    }

    @Test
    public void testDefaultTraversalVisitsEveryChild()
    {
        Expression expression = new LogicalExpression(LogicalExpression.Operator.AND, List.of(
                new ComparisonExpression(ComparisonExpression.Operator.EQUAL, new Identifier("a"), new LongLiteral(1)),
                new InListPredicate(new Identifier("b"), List.of(new LongLiteral(2), new Identifier("c")))));
        List<String> names = new ArrayList<>();
        new DefaultTraversalVisitor<Void>()
        {
            @Override
            public Void visitIdentifier(Identifier node, Void context)
            {
                names.add(node.value());
                return null;
            }
        }.process(expression, null);
        assertThat(names).containsExactly("a", "b", "c");
    }

    @Test
    public void testEveryNodeIsARecordWithVisitorAndEquality()
            throws NoSuchMethodException
    {
        List<Class<?>> records = new ArrayList<>();
        collectRecords(Node.class, records);
        assertThat(records).hasSizeGreaterThan(90);
        for (Class<?> type : records) {
            assertThat(type.getRecordComponents()[0].getName()).as(type.getSimpleName()).isEqualTo("location");
            assertThat(type.getDeclaredMethod("equals", Object.class).getDeclaringClass()).isEqualTo(type);
            assertThat(type.getDeclaredMethod("hashCode").getDeclaringClass()).isEqualTo(type);
            Method visit = AstVisitor.class.getMethod("visit" + type.getSimpleName(), type, Object.class);
            assertThat(visit).as(type.getSimpleName()).isNotNull();
        }
    }

    private static void collectRecords(Class<?> type, List<Class<?>> records)
    {
        if (type.isRecord()) {
            records.add(type);
            return;
        }
        for (Class<?> subtype : type.getPermittedSubclasses()) {
            collectRecords(subtype, records);
        }
    }

    private static Table table(String name)
    {
        return new Table(QualifiedName.of(name));
    }
}
