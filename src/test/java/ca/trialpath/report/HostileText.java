package ca.trialpath.report;

import java.util.Random;

/** Seeded random text full of what writers must escape or quote, to compare a writer with the one it replaced. */
final class HostileText {

    private static final String SPECIALS = "\"\\/,;'#=+-@ \t\r\n\b\f\u000b\u0000\u001f\u007f\u00e9\u00a0\u2028\u2029"
            + "\uFF1D\uFF0B\uFF0D\uFF20\uFEFF";

    private final Random random;

    HostileText(long seed) {
        random = new Random(seed);
    }

    /** A string of up to {@code maxLength} chars; now and then {@code null} or empty. */
    String next(int maxLength) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            return "";
        }
        int length = 1 + random.nextInt(maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(nextChar());
        }
        return text.toString();
    }

    private char nextChar() {
        int kind = random.nextInt(10);
        return switch (kind) {
            case 0, 1, 2 -> SPECIALS.charAt(random.nextInt(SPECIALS.length()));
            case 3 -> (char) random.nextInt(0x20);
            case 4 -> (char) (Character.MIN_SURROGATE + random.nextInt(0x800));
            case 5 -> (char) random.nextInt(0x10000);
            default -> (char) (0x20 + random.nextInt(0x5F));
        };
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
