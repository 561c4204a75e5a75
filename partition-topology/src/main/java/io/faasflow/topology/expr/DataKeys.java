package io.faasflow.topology.expr;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** Collects the data keys an expression reads, without recursion. */
final class DataKeys {

    private DataKeys() {
    }

    static Set<String> of(Expression expression) {
        SortedSet<String> keys = new TreeSet<>();
        Deque<Expression> pending = new ArrayDeque<>();
        pending.push(expression);
        while (!pending.isEmpty()) {
            switch (pending.pop()) {
                case Or(List<Expression> operands) -> operands.forEach(pending::push);
                case And(List<Expression> operands) -> operands.forEach(pending::push);
                case Comparison(ComparisonOperator op, Expression left, Expression right) -> {
                    pending.push(left);
                    pending.push(right);
                }
                case Not(Expression operand) -> pending.push(operand);
                case DataReference(String key) -> keys.add(key);
                case Literal literal -> {
                    // reads nothing
                }
                case DefaultCondition condition -> {
                    // reads nothing
                }
            }
        }
        return Collections.unmodifiableSortedSet(keys);
    }
}
