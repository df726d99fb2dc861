package dev.oxidizer.report;

import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Headless Debian Chromium driven by its matching chromedriver, both at fixed paths so Selenium Manager
 * never downloads anything. If they are missing and the test runs as root, installs them with apt-get
 * (hard timeout, output kept); otherwise aborts the test with a message saying what to install.
 */
final class Chromium {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {}

    /** Starts a fresh browser with its own profile folder under {@code work}; browser and performance logs on. */
    static ChromeDriver start(Path work) throws IOException, InterruptedException {
        ensureInstalled(work);
        Path profile = Files.createTempDirectory(work, "profile-");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(BROWSER.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1000",
                "--force-device-scale-factor=1", "--hide-scrollbars", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        // An alert must stay open so the test can see it, not be dismissed silently.
        o.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(work.resolve("chromedriver.log").toFile())
                .withTimeout(Duration.ofSeconds(60))
                .build();
        ChromeDriver d = new ChromeDriver(service, o);
        d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
        return d;
    }

    /** Removes the profile folders {@link #start} made under {@code work}. */
    static void deleteProfiles(Path work) {
        try (var dirs = Files.newDirectoryStream(work, "profile-*")) {
            for (Path dir : dirs) {
                try (var tree = Files.walk(dir)) {
                    tree.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            // leftovers under target/ are harmless; the next clean removes them
        }
    }

    private static void ensureInstalled(Path work) throws IOException, InterruptedException {
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            return;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            abort("Chromium not found (" + BROWSER + ", " + DRIVER + ") and not root to install it: "
                    + "run 'apt-get install -y chromium chromium-driver' to enable the browser tests");
        }
        Path log = work.resolve("apt-get.log");
        for (String[] cmd : new String[][] {{"apt-get", "update"}, {"apt-get", "install", "-y", "chromium", "chromium-driver"}}) {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process p = pb.start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                abort(String.join(" ", cmd) + " did not finish in 10 minutes; browser tests skipped (log " + log + ")");
            }
        }
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            abort("could not install chromium and chromium-driver with apt-get; browser tests skipped. apt-get said:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }
}
