package ca.trialpath.batch.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;

class MovedClassesSerializerTests {

    private static Map<String, Object> context() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("partitions", List.of(new CohortPartition(0, List.of(
                new CohortPartition.Piece(0, "cohort.csv", 0, 1200, 1, 0, 12, 11, null),
                new CohortPartition.Piece(1, "more.csv", 40, 900, 2, 12, 8, 8, "ab12")))));
        context.put("inputIdentities", List.of(new InputIdentity(1200, "(dev=1,ino=2)", 42L)));
        context.put("run.read", 19L);
        return context;
    }

    private static byte[] written(Map<String, Object> context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DefaultExecutionContextSerializer().serialize(context, out);
        return out.toByteArray();
    }

    /** The same context as the version before wrote it: our classes named under {@code ca.trialpath.job}. */
    private static byte[] writtenBeforeTheMove(Map<String, Object> context) throws IOException {
        byte[] stream = Base64.getDecoder().decode(written(context));
        stream = renamed(stream, CohortPartition.Piece.class.getName(), "ca.trialpath.job.CohortPartition$Piece");
        stream = renamed(stream, CohortPartition.class.getName(), "ca.trialpath.job.CohortPartition");
        stream = renamed(stream, InputIdentity.class.getName(), "ca.trialpath.job.InputIdentity");
        return Base64.getEncoder().encode(stream);
    }

    /** A class name in a serialization stream: two bytes of length, then the name. */
    private static byte[] renamed(byte[] stream, String from, String to) {
        byte[] find = utf(from);
        byte[] put = utf(to);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int found = 0;
        for (int i = 0; i < stream.length; i++) {
            if (matchesAt(stream, find, i)) {
                out.writeBytes(put);
                i += find.length - 1;
                found++;
            } else {
                out.write(stream[i]);
            }
        }
        assertThat(found).as(from + " in the stream").isPositive();
        return out.toByteArray();
    }

    private static byte[] utf(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] prefixed = new byte[bytes.length + 2];
        prefixed[0] = (byte) (bytes.length >> 8);
        prefixed[1] = (byte) bytes.length;
        System.arraycopy(bytes, 0, prefixed, 2, bytes.length);
        return prefixed;
    }

    private static boolean matchesAt(byte[] stream, byte[] find, int at) {
        if (at + find.length > stream.length) {
            return false;
        }
        for (int j = 0; j < find.length; j++) {
            if (stream[at + j] != find[j]) {
                return false;
            }
        }
        return true;
    }

    @Test
    void shouldReadAContextTheVersionBeforeWroteUnderTheOldPackage() throws IOException {
        byte[] old = writtenBeforeTheMove(context());

        Map<String, Object> read = new MovedClassesSerializer().deserialize(new ByteArrayInputStream(old));

        assertThat(read).isEqualTo(context());
    }

    @Test
    void shouldBeNeededSpringBatchsOwnSerializerCannotReadTheOldNames() throws IOException {
        byte[] old = writtenBeforeTheMove(context());

        assertThatThrownBy(() -> new DefaultExecutionContextSerializer().deserialize(new ByteArrayInputStream(old)))
                .rootCause().isInstanceOf(ClassNotFoundException.class)
                .hasMessageContaining("ca.trialpath.job.CohortPartition");
    }

    @Test
    void shouldWriteWhatSpringBatchReadsAndReadWhatItWrites() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MovedClassesSerializer().serialize(context(), out);

        assertThat(out.toByteArray()).isEqualTo(written(context()));
        assertThat(new DefaultExecutionContextSerializer().deserialize(new ByteArrayInputStream(out.toByteArray())))
                .isEqualTo(context());
        assertThat(new MovedClassesSerializer().deserialize(new ByteArrayInputStream(written(context()))))
                .isEqualTo(context());
    }

    @Test
    void shouldMoveOnlyTheOldPackagesClasses() {
        ClassLoader loader = getClass().getClassLoader();

        assertThat(MovedClassesSerializer.moved("ca.trialpath.job.CohortPartition", loader))
                .isEqualTo(CohortPartition.class);
        assertThat(MovedClassesSerializer.moved("ca.trialpath.job.InputIdentity", loader)).isEqualTo(InputIdentity.class);
        assertThat(MovedClassesSerializer.moved("ca.trialpath.batch.run.CohortPartition", loader)).isNull();
        assertThat(MovedClassesSerializer.moved("ca.trialpath.job.NoSuchClass", loader)).isNull();
        assertThat(MovedClassesSerializer.moved("java.util.ArrayList", loader)).isNull();
    }
}
