package io.strata.launcher.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static java.lang.String.format;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * A Presto-style {@code etc/} directory:
 * <pre>
 * etc/
 *   node.properties        node.id, node.environment, ...
 *   config.properties      node.role, http-server.http.port, ...
 *   catalog/
 *     tpch.properties      connector.name=tpch
 *     memory.properties    connector.name=memory
 * </pre>
 * {@code node.properties} and {@code config.properties} are merged into one map (a property set in both
 * files with different values is an error, not a silent override); {@code node.properties} may be absent.
 * Files are read as UTF-8 and trailing white space is removed from values, a common and invisible mistake.
 * What the properties mean is the server's business ({@code ServerConfig}); this class checks only what it
 * alone can see.
 */
public final class EtcDirectory
{
    public static final String NODE_PROPERTIES = "node.properties";
    public static final String CONFIG_PROPERTIES = "config.properties";
    public static final String CATALOG_DIRECTORY = "catalog";
    public static final String CONNECTOR_NAME = "connector.name";

    private static final Pattern CATALOG_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private EtcDirectory() {}

    public static NodeConfiguration load(Path etcDirectory)
    {
        requireNonNull(etcDirectory, "etcDirectory is null");
        if (!Files.isDirectory(etcDirectory)) {
            throw new InvalidConfigurationException("etc directory does not exist: " + etcDirectory);
        }
        Path configFile = etcDirectory.resolve(CONFIG_PROPERTIES);
        if (!Files.isRegularFile(configFile)) {
            throw new InvalidConfigurationException("etc directory has no " + CONFIG_PROPERTIES + ": " + configFile);
        }

        Map<String, String> properties = new TreeMap<>();
        Path nodeFile = etcDirectory.resolve(NODE_PROPERTIES);
        if (Files.exists(nodeFile)) {
            properties.putAll(readProperties(nodeFile));
        }
        for (Map.Entry<String, String> entry : readProperties(configFile).entrySet()) {
            String previous = properties.putIfAbsent(entry.getKey(), entry.getValue());
            if (previous != null && !previous.equals(entry.getValue())) {
                throw new InvalidConfigurationException(format(
                        "Property '%s' is set in both %s ('%s') and %s ('%s')",
                        entry.getKey(), NODE_PROPERTIES, previous, CONFIG_PROPERTIES, entry.getValue()));
            }
        }
        return new NodeConfiguration(etcDirectory, properties, readCatalogs(etcDirectory.resolve(CATALOG_DIRECTORY)));
    }

    private static Map<String, Map<String, String>> readCatalogs(Path catalogDirectory)
    {
        Map<String, Map<String, String>> catalogs = new TreeMap<>();
        if (!Files.isDirectory(catalogDirectory)) {
            return catalogs;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(catalogDirectory, "*.properties")) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                String name = fileName.substring(0, fileName.length() - ".properties".length());
                if (!CATALOG_NAME.matcher(name).matches()) {
                    throw new InvalidConfigurationException(format(
                            "Catalog file %s: the catalog name '%s' must be lower-case letters, digits and '_', not starting with a digit",
                            file, name));
                }
                Map<String, String> properties = readProperties(file);
                String connector = properties.get(CONNECTOR_NAME);
                if (connector == null || connector.isEmpty()) {
                    throw new InvalidConfigurationException(format("Catalog file %s: property '%s' is required", file, CONNECTOR_NAME));
                }
                catalogs.put(name, properties);
            }
        }
        catch (IOException e) {
            throw new InvalidConfigurationException("Cannot list catalog directory " + catalogDirectory + ": " + e.getMessage(), e);
        }
        return catalogs;
    }

    /** The properties of one file, sorted by name, values without trailing white space. */
    public static Map<String, String> readProperties(Path file)
    {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, UTF_8)) {
            properties.load(reader);
        }
        catch (NoSuchFileException e) {
            throw new InvalidConfigurationException("File does not exist: " + file, e);
        }
        catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: a malformed \\uXXXX escape
            throw new InvalidConfigurationException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> map = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name).stripTrailing());
        }
        return map;
    }

    /**
     * Writes a node's {@code etc/}: {@code node.properties}, {@code config.properties} and one
     * {@code catalog/<name>.properties} per catalog, each sorted by property name. Used by the local cluster.
     */
    public static void write(Path etcDirectory, Map<String, String> nodeProperties, Map<String, String> configProperties, Map<String, Map<String, String>> catalogs)
    {
        requireNonNull(etcDirectory, "etcDirectory is null");
        requireNonNull(catalogs, "catalogs is null");
        try {
            Files.createDirectories(etcDirectory.resolve(CATALOG_DIRECTORY));
            writeProperties(etcDirectory.resolve(NODE_PROPERTIES), nodeProperties);
            writeProperties(etcDirectory.resolve(CONFIG_PROPERTIES), configProperties);
            for (Map.Entry<String, Map<String, String>> catalog : new TreeMap<>(catalogs).entrySet()) {
                if (!CATALOG_NAME.matcher(catalog.getKey()).matches()) {
                    throw new IllegalArgumentException("invalid catalog name: " + catalog.getKey());
                }
                writeProperties(etcDirectory.resolve(CATALOG_DIRECTORY).resolve(catalog.getKey() + ".properties"), catalog.getValue());
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + etcDirectory, e);
        }
    }

    private static void writeProperties(Path file, Map<String, String> properties)
            throws IOException
    {
        try (Writer writer = Files.newBufferedWriter(file, UTF_8)) {
            for (Map.Entry<String, String> entry : new TreeMap<>(requireNonNull(properties, "properties is null")).entrySet()) {
                writer.write(escape(entry.getKey(), true));
                writer.write('=');
                writer.write(escape(entry.getValue(), false));
                writer.write('\n');
            }
        }
    }

    private static String escape(String text, boolean key)
    {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            switch (character) {
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                case '=', ':', '#', '!' -> {
                    if (key) {
                        escaped.append('\\');
                    }
                    escaped.append(character);
                }
                case ' ' -> {
                    if (key || index == 0) {
                        escaped.append('\\');
                    }
                    escaped.append(character);
                }
                default -> escaped.append(character);
            }
        }
        return escaped.toString();
    }
}
