package ca.trialpath.batch.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.repository.ExecutionContextSerializer;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;

/**
 * The execution contexts in the job repository, written as Spring Batch's default serializer writes them (Java
 * serialization, Base64), and read by it too, except that a class of ours stored under the package it had before
 * the steps were given packages of their own ({@code ca.trialpath.job}, up to outputs version 3) is read as the
 * class it is now. Without it a night left unfinished by the version before, or published by it and run again, fails
 * on its saved partition plan with {@code ClassNotFoundException: ca.trialpath.job.CohortPartition}.
 */
public final class MovedClassesSerializer implements ExecutionContextSerializer {

    private static final String OLD_PACKAGE = "ca.trialpath.job.";
    /** Where the classes of {@code ca.trialpath.job} went; a name is looked up in each, in this order. */
    private static final List<String> NEW_PACKAGES = List.of("ca.trialpath.batch.run.", "ca.trialpath.batch.input.",
            "ca.trialpath.batch.inspect.", "ca.trialpath.batch.index.", "ca.trialpath.batch.assess.",
            "ca.trialpath.batch.publish.", "ca.trialpath.batch.");

    private final DefaultExecutionContextSerializer writer = new DefaultExecutionContextSerializer();

    @Override
    public void serialize(Map<String, Object> context, OutputStream out) throws IOException {
        writer.serialize(context, out);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> deserialize(InputStream in) throws IOException {
        try (ObjectInputStream objects = new MovedClasses(Base64.getDecoder().wrap(in))) {
            return (Map<String, Object>) objects.readObject();
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("an execution context names a class this version does not have: "
                    + e.getMessage(), e);
        }
    }

    /** @return the class now named {@code name}, or {@code null} for a name that did not move */
    static Class<?> moved(String name, ClassLoader loader) {
        if (!name.startsWith(OLD_PACKAGE)) {
            return null;
        }
        String simple = name.substring(OLD_PACKAGE.length());
        for (String pkg : NEW_PACKAGES) {
            try {
                return Class.forName(pkg + simple, false, loader);
            } catch (ClassNotFoundException notThere) {
                // the next package
            }
        }
        return null;
    }

    private static final class MovedClasses extends ObjectInputStream {

        MovedClasses(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass stream) throws IOException, ClassNotFoundException {
            // the stream's descriptor keeps the old name; Java serialization compares class names without their
            // package, so the class found here is accepted for it
            Class<?> moved = moved(stream.getName(), MovedClassesSerializer.class.getClassLoader());
            return moved != null ? moved : super.resolveClass(stream);
        }
    }
}
