package example.app.loaded;

/** Loaded by several class loaders in {@code MultiLoaderApp}. */
public class Worker {
    public static int step(int i) {
        return i % 3;
    }
}
