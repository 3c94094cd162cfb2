package io.strata.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * The parsed options of one command. Options are long ({@code --name value} or {@code --name=value});
 * {@code --} ends them; everything else is positional. An option not in the command's list, a missing
 * value, or a second use of an option that is not repeatable is a {@link UsageException} naming it.
 */
public final class CommandLine
{
    private final String command;
    private final Map<String, List<String>> values;
    private final List<String> positionals;

    private CommandLine(String command, Map<String, List<String>> values, List<String> positionals)
    {
        this.command = command;
        this.values = values;
        this.positionals = List.copyOf(positionals);
    }

    /**
     * One option a command accepts: a flag when {@code valueName} is empty, otherwise an option with a
     * value, given at most once unless {@code repeatable}.
     */
    public record Option(String name, Optional<String> valueName, boolean repeatable, String description)
    {
        public Option
        {
            requireNonNull(name, "name is null");
            requireNonNull(valueName, "valueName is null");
            requireNonNull(description, "description is null");
            if (!name.matches("[a-z][a-z0-9-]*")) {
                throw new IllegalArgumentException("option name must be lower-case words joined by '-': " + name);
            }
        }

        public boolean takesValue()
        {
            return valueName.isPresent();
        }

        /** {@code --name VALUE}, as the usage text shows it. */
        public String synopsis()
        {
            return "--" + name + valueName.map(value -> " " + value).orElse("");
        }
    }

    public static Option flag(String name, String description)
    {
        return new Option(name, Optional.empty(), false, description);
    }

    public static Option value(String name, String valueName, String description)
    {
        return new Option(name, Optional.of(valueName), false, description);
    }

    public static Option repeatable(String name, String valueName, String description)
    {
        return new Option(name, Optional.of(valueName), true, description);
    }

    /**
     * Parses {@code arguments} of {@code command} (the command's name, used in messages) against
     * {@code options}.
     */
    public static CommandLine parse(String command, List<Option> options, List<String> arguments)
    {
        requireNonNull(command, "command is null");
        requireNonNull(options, "options is null");
        requireNonNull(arguments, "arguments is null");
        Map<String, Option> byName = new LinkedHashMap<>();
        for (Option option : options) {
            if (byName.put(option.name(), option) != null) {
                throw new IllegalArgumentException("option listed twice: " + option.name());
            }
        }

        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        boolean optionsEnded = false;
        for (int index = 0; index < arguments.size(); index++) {
            String argument = requireNonNull(arguments.get(index), "argument is null");
            if (optionsEnded || !argument.startsWith("-") || argument.equals("-")) {
                positionals.add(argument);
                continue;
            }
            if (argument.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (!argument.startsWith("--")) {
                throw new UsageException(format("Unknown option %s for '%s' (options are spelled --name)", argument, command));
            }

            String name = argument.substring(2);
            Optional<String> inlineValue = Optional.empty();
            int equals = name.indexOf('=');
            if (equals >= 0) {
                inlineValue = Optional.of(name.substring(equals + 1));
                name = name.substring(0, equals);
            }
            Option option = byName.get(name);
            if (option == null) {
                throw new UsageException(format("Unknown option --%s for '%s'", name, command));
            }

            String value;
            if (!option.takesValue()) {
                if (inlineValue.isPresent()) {
                    throw new UsageException(format("Option --%s of '%s' takes no value", name, command));
                }
                value = "true";
            }
            else if (inlineValue.isPresent()) {
                value = inlineValue.get();
            }
            else {
                if (index + 1 >= arguments.size()) {
                    throw new UsageException(format("Option --%s of '%s' needs a value: %s", name, command, option.synopsis()));
                }
                index++;
                value = arguments.get(index);
            }

            List<String> existing = values.computeIfAbsent(name, ignored -> new ArrayList<>());
            if (!existing.isEmpty() && !option.repeatable()) {
                throw new UsageException(format("Option --%s of '%s' is given more than once", name, command));
            }
            existing.add(value);
        }

        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        return new CommandLine(command, copy, positionals);
    }

    public String command()
    {
        return command;
    }

    public boolean isSet(String name)
    {
        return values.containsKey(requireNonNull(name, "name is null"));
    }

    /** The value of a non-repeatable option, if given. */
    public Optional<String> value(String name)
    {
        List<String> list = values(name);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    /** The values of an option in the order given; empty when absent. */
    public List<String> values(String name)
    {
        return values.getOrDefault(requireNonNull(name, "name is null"), List.of());
    }

    /** The value of an option that must be given. */
    public String requiredValue(String name)
    {
        return value(name).orElseThrow(() -> new UsageException(format("'%s' needs --%s", command, name)));
    }

    /** An integer option's value, {@code defaultValue} when absent; at least {@code minimum}. */
    public int intValue(String name, int defaultValue, int minimum)
    {
        Optional<String> text = value(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(text.get().trim());
        }
        catch (NumberFormatException e) {
            throw new UsageException(format("Option --%s of '%s' must be an integer: %s", name, command, text.get()));
        }
        if (parsed < minimum) {
            throw new UsageException(format("Option --%s of '%s' must be at least %s: %s", name, command, minimum, parsed));
        }
        return parsed;
    }

    public List<String> positionals()
    {
        return positionals;
    }

    /** Fails unless there are no positional arguments. */
    public CommandLine withoutPositionals()
    {
        if (!positionals.isEmpty()) {
            throw new UsageException(format("Unexpected argument for '%s': %s", command, positionals.get(0)));
        }
        return this;
    }

    /** The options block of a usage text: one line per option, descriptions aligned. */
    public static String describe(List<Option> options)
    {
        int width = 0;
        for (Option option : options) {
            width = Math.max(width, option.synopsis().length());
        }
        StringBuilder text = new StringBuilder();
        for (Option option : options) {
            String synopsis = option.synopsis();
            text.append("  ").append(synopsis).append(" ".repeat(width - synopsis.length() + 2)).append(option.description());
            if (option.repeatable()) {
                text.append(" (repeatable)");
            }
            text.append('\n');
        }
        return text.toString();
    }
}
