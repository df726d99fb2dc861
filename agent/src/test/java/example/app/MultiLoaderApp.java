package example.app;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Loads {@code example.app.loaded.Worker} in two isolated class loaders (parent: the platform loader, so they
 * do not see the application class path) and calls it {@code calls} times in each, then directly from the
 * application class loader. Argument: {@code classesDir calls}.
 */
public class MultiLoaderApp {
    public static void main(String[] args) throws Exception {
        URL dir = Path.of(args[0]).toUri().toURL();
        int calls = Integer.parseInt(args[1]);
        long sum = 0;
        for (int l = 0; l < 2; l++) {
            try (URLClassLoader loader = new URLClassLoader(new URL[]{dir}, ClassLoader.getPlatformClassLoader())) {
                Class<?> c = loader.loadClass("example.app.loaded.Worker");
                var m = c.getMethod("step", int.class);
                for (int i = 0; i < calls; i++) {
                    sum += (int) m.invoke(null, i);
                }
            }
        }
        for (int i = 0; i < calls; i++) {
            sum += example.app.loaded.Worker.step(i);
        }
        System.out.println("sum=" + sum);
    }
}
