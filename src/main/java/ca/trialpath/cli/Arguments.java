package ca.trialpath.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of one command: its own {@code name=value} parameters, checked against the names it knows, and the
 * {@code --name=value} settings it hands to Spring Boot as they are. Every problem is a {@link UsageException}
 * whose one-line message names the parameter, so each command says it the same way (exit status 2).
 */
final class Arguments {

    private final List<String> names;
    private final Map<String, String> values;
    private final List<String> spring;

    private Arguments(List<String> names, Map<String, String> values, List<String> spring) {
        this.names = names;
        this.values = values;
        this.spring = spring;
    }

    /**
     * @param names the parameters the command knows, in the order its messages list them
     * @throws UsageException for an argument that is not {@code name=value}, an unknown name, or a name given twice
     */
    static Arguments parse(List<String> args, List<String> names) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> spring = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                spring.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("unexpected argument '" + arg + "': parameters are name=value ("
                        + String.join(", ", names) + ")");
            }
            String name = arg.substring(0, equals);
            if (!names.contains(name)) {
                throw new UsageException("unknown parameter '" + name + "': known are " + String.join(", ", names));
            }
            if (values.put(name, arg.substring(equals + 1)) != null) {
                throw new UsageException("parameter '" + name + "' is given twice");
            }
        }
        return new Arguments(List.copyOf(names), values, List.copyOf(spring));
    }

    /** The {@code --name=value} settings, in the order given. */
    List<String> spring() {
        return spring;
    }

    boolean has(String name) {
        return values.containsKey(known(name));
    }

    /** @return the value as given, {@code null} when absent */
    String value(String name) {
        return values.get(known(name));
    }

    String value(String name, String fallback) {
        return values.getOrDefault(known(name), fallback);
    }

    /**
     * @param what how the message describes the parameter, e.g. {@code PATH (a cohort CSV file or a folder of them)}
     * @throws UsageException when absent or blank
     */
    String required(String name, String what) {
        String value = value(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("missing parameter " + name + "=" + what);
        }
        return value;
    }

    /** @throws UsageException when given but blank */
    String notBlank(String name, String fallback) {
        String value = value(name, fallback);
        if (value != null && value.isBlank()) {
            throw new UsageException("parameter " + name + " is empty");
        }
        return value;
    }

    /** The path given, absolute and normalized; {@code null} when absent. @throws UsageException when blank */
    Path path(String name) {
        String value = notBlank(name, null);
        return value == null ? null : Path.of(value).toAbsolutePath().normalize();
    }

    /** {@code true} or {@code false}, nothing else: {@code deidentify=yes} is a typo, not a yes. */
    boolean flag(String name, boolean fallback) {
        String value = value(name, String.valueOf(fallback));
        if (!value.equals("true") && !value.equals("false")) {
            throw new UsageException(name + " '" + value + "' is not true or false");
        }
        return Boolean.parseBoolean(value);
    }

    /** A parameter the command does not know is a slip of the program, not of the operator. */
    private String known(String name) {
        if (!names.contains(name)) {
            throw new IllegalArgumentException("not a parameter of this command: " + name);
        }
        return name;
    }
}
