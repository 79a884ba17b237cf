package dev.ssenotify.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The main sources as the architecture rules see them: each file's package, its imports and its length. Read
 * from the source tree rather than the class files, so that a rule names the file to change.
 */
record SourceGraph(List<SourceFile> files) {

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+);", Pattern.MULTILINE);

    record SourceFile(Path path, String packageName, List<String> imports, int lines) {

        /** The packages of this project this file imports from, other than its own. */
        Set<String> projectPackages(String root) {
            Set<String> out = new TreeSet<>();
            for (String imported : imports) {
                if (imported.startsWith(root + ".")) {
                    String owner = packageOf(imported);
                    if (!owner.equals(packageName)) {
                        out.add(owner);
                    }
                }
            }
            return out;
        }

        /** A type's package: the name up to its first capitalised segment (nested types and statics too). */
        private static String packageOf(String imported) {
            String[] parts = imported.split("\\.");
            StringBuilder name = new StringBuilder();
            for (String part : parts) {
                if (Character.isUpperCase(part.charAt(0))) {
                    break;
                }
                name.append(name.length() == 0 ? "" : ".").append(part);
            }
            return name.toString();
        }
    }

    static SourceGraph read(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            List<SourceFile> files = new ArrayList<>();
            for (Path path : paths.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(path);
                Matcher pkg = PACKAGE.matcher(source);
                if (!pkg.find()) {
                    throw new IllegalStateException("no package declaration in " + path);
                }
                List<String> imports = new ArrayList<>();
                Matcher imported = IMPORT.matcher(source);
                while (imported.find()) {
                    imports.add(imported.group(1));
                }
                files.add(new SourceFile(path, pkg.group(1), imports, (int) source.lines().count()));
            }
            return new SourceGraph(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Package to the packages it imports from. */
    Map<String, Set<String>> packageDependencies(String root) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (SourceFile file : files) {
            out.computeIfAbsent(file.packageName(), k -> new TreeSet<>()).addAll(file.projectPackages(root));
        }
        return out;
    }
}
