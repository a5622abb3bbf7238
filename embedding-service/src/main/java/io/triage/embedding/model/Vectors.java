package io.triage.embedding.model;

/** Vector arithmetic shared by models and stores. */
public final class Vectors {

    private Vectors() {
    }

    /** A unit-length copy; the zero vector stays zero. */
    public static float[] normalised(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        float[] out = vector.clone();
        if (sum == 0) {
            return out;
        }
        float scale = (float) (1.0 / Math.sqrt(sum));
        for (int i = 0; i < out.length; i++) {
            out[i] *= scale;
        }
        return out;
    }

    public static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
