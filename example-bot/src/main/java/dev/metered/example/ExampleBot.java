package dev.metered.example;

import dev.metered.example.api.ApiClient;
import dev.metered.example.api.DiscordClient;
import dev.metered.example.api.ServiceEndpoints;
import dev.metered.example.api.TldrClient;
import dev.metered.example.api.WolframClient;
import dev.metered.example.api.stub.StubApiServer;
import dev.metered.example.cache.MeteredCache;
import dev.metered.example.cogs.AdminCog_Metered;
import dev.metered.example.cogs.CogDefinition;
import dev.metered.example.cogs.CogLoader;
import dev.metered.example.cogs.InfoCog_Metered;
import dev.metered.example.cogs.RemindersCog_Metered;
import dev.metered.example.cogs.StatsCog_Metered;
import dev.metered.example.cogs.TldrCog_Metered;
import dev.metered.example.cogs.UtilityCog_Metered;
import dev.metered.example.cogs.WolframCog_Metered;
import dev.metered.example.commands.CommandDispatcher;
import dev.metered.example.commands.CommandRegistry;
import dev.metered.example.commands.CommandRouter;
import dev.metered.example.commands.CommandSpec;
import dev.metered.example.commands.RegisteredCommand;
import dev.metered.example.commands.Reply;
import dev.metered.example.db.CommandStatsRepository;
import dev.metered.example.db.Database;
import dev.metered.example.db.DatabaseConfig;
import dev.metered.example.db.DatabaseHealth;
import dev.metered.example.db.FlakyConnectionSource;
import dev.metered.example.db.GuildConfigRepository;
import dev.metered.example.db.ReminderRepository;
import dev.metered.example.db.RetryingSqlExecutor;
import dev.metered.example.db.Sleeper;
import dev.metered.example.gateway.GatewayEvent;
import dev.metered.example.gateway.Message;
import dev.metered.example.gateway.SlashCommand;
import dev.metered.example.metrics.ApiMetrics.Service;
import dev.metered.example.metrics.CacheMetrics;
import dev.metered.example.metrics.CogMetrics;
import dev.metered.example.services.CacheWarmupTask_Metered;
import dev.metered.example.services.PrefixResolver;
import dev.metered.example.services.Presence;
import dev.metered.example.services.ReminderDelivery;
import dev.metered.example.services.ReminderService;
import dev.metered.example.services.StatusRotationTask_Metered;
import dev.metered.example.services.TldrService;
import dev.metered.example.tasks.CleanupTask_Metered;
import dev.metered.example.tasks.TaskRunner;
import java.net.URI;
import java.net.http.HttpClient;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bot: wires the database, caches, HTTP clients, tasks and cogs together, takes gateway events,
 * and shuts everything down in order.
 *
 * <p>Gateway events come from whoever calls {@link #handle}: the JDA adapter when the bot is
 * connected to Discord, the simulation, or a test. The services it calls are where its {@link
 * ServiceEndpoints} say; those left empty are served by a {@link StubApiServer} on the loopback
 * interface, which the bot starts and stops itself.
 *
 * <p>Cogs and tasks are created as their generated {@code _Metered} wrappers, which record the
 * {@code command}, {@code cog} and {@code task} events through the generated recorders' global sink
 * ({@code MeteredRuntime.setGlobalSink} redirects them); the parts that are not handlers (database,
 * HTTP clients, caches) record through the {@link Recorders} they are given.
 */
public final class ExampleBot implements AutoCloseable {
  private static final int TLDR_CACHE_SIZE = 256;
  private static final int PREFIX_CACHE_SIZE = 10_000;
  private static final int TASK_THREADS = 2;
  private static final int HTTP_THREADS = 2;

  /** What {@link #close} undoes, last opened first. */
  private final Deque<Resource> resources = new ArrayDeque<>();

  private FlakyConnectionSource connections;
  private TaskRunner tasks;
  private PrefixResolver prefixes;
  private CommandRouter router;
  private CommandRegistry registry;
  private CogLoader cogs;
  private Map<CogMetrics.Cog, String> failedCogs;
  private CompletableFuture<Void> warmup;

  private ExampleBot() {}

  /**
   * Starts the bot with its status shown nowhere.
   *
   * @param config the setup
   * @param recorders where the database, API and cache metrics go; command, cog and task metrics go
   *     to the global sink
   * @return the running bot; close it to shut it down
   * @throws Exception when a part cannot start; what had started is closed again
   */
  public static ExampleBot start(BotConfig config, Recorders recorders) throws Exception {
    return start(config, recorders, status -> {});
  }

  /**
   * Starts the bot: opens the database (applying migrations), loads the cogs, starts the cache
   * warmup in the background and the periodic cleanup and status rotation.
   *
   * @param config the setup
   * @param recorders where the database, API and cache metrics go; command, cog and task metrics go
   *     to the global sink
   * @param presence where the status rotation shows the bot's status
   * @return the running bot; close it to shut it down
   * @throws Exception when a part cannot start; what had started is closed again
   */
  public static ExampleBot start(BotConfig config, Recorders recorders, Presence presence)
      throws Exception {
    ExampleBot bot = new ExampleBot();
    try {
      bot.wire(config, recorders, presence);
      return bot;
    } catch (Exception | Error failure) {
      try {
        bot.close();
      } catch (SQLException | RuntimeException closing) {
        failure.addSuppressed(closing);
      }
      throw failure;
    }
  }

  private void wire(BotConfig config, Recorders recorders, Presence presence) throws Exception {
    Clock clock = Clock.systemUTC();
    ServiceEndpoints endpoints = config.endpoints();
    Optional<URI> stubBase = Optional.empty();
    if (endpoints.needsStub()) {
      StubApiServer stub =
          StubApiServer.start(config.tldrFaults(), config.stubStall(), config.stubLatency());
      resources.push(stub::close);
      stubBase = Optional.of(stub.baseUri());
    }

    DatabaseConfig db = config.database();
    Database database = Database.open(db.url(), db.user(), db.password());
    resources.push(database::close);
    connections = new FlakyConnectionSource(database.connections());
    RetryingSqlExecutor sql =
        new RetryingSqlExecutor(
            connections, config.databaseRetry(), Sleeper.THREAD_SLEEP, recorders.database());
    GuildConfigRepository guildConfig = new GuildConfigRepository(sql);
    ReminderRepository reminders = new ReminderRepository(sql);
    CommandStatsRepository stats = new CommandStatsRepository(sql);

    ExecutorService httpThreads = Executors.newFixedThreadPool(HTTP_THREADS, daemon("bot-http-"));
    resources.push(httpThreads::shutdownNow);
    // Opened after the HTTP threads, so closed before them: running tasks finish their calls.
    tasks = TaskRunner.create(TASK_THREADS);
    resources.push(tasks::close);

    HttpClient http =
        HttpClient.newBuilder().executor(httpThreads).connectTimeout(config.apiTimeout()).build();
    Optional<URI> stub = stubBase;
    URI tldrBase = endpoints.tldr().or(() -> stub).orElseThrow();
    URI discordBase = endpoints.discord().or(() -> stub).orElseThrow();
    URI wolframBase = endpoints.wolfram().or(() -> stub).orElseThrow();
    TldrClient tldrClient = new TldrClient(api(http, tldrBase, Service.TLDR, config, recorders));
    ApiClient discordApi = api(http, discordBase, Service.DISCORD, config, recorders);
    DiscordClient discord =
        new DiscordClient(
            endpoints
                .discordToken()
                .map(token -> discordApi.withHeader("Authorization", "Bot " + token))
                .orElse(discordApi));
    Optional<WolframClient> wolfram =
        config
            .wolframAppId()
            .map(
                appId ->
                    new WolframClient(
                        api(http, wolframBase, Service.WOLFRAM, config, recorders), appId));

    MeteredCache<String, String> tldrCache =
        MeteredCache.bounded(CacheMetrics.Cache.TLDR, TLDR_CACHE_SIZE, recorders.cache());
    MeteredCache<Long, String> prefixCache =
        MeteredCache.bounded(
            CacheMetrics.Cache.PREFIX, PREFIX_CACHE_SIZE, recorders.cache());

    prefixes = new PrefixResolver(prefixCache, guildConfig);
    TldrService tldr = new TldrService(tldrCache, tldrClient);
    ReminderService reminderService =
        new ReminderService(reminders, new ReminderDelivery(reminders, discord), tasks, clock);
    DatabaseHealth health = new DatabaseHealth(sql);

    registry = new CommandRegistry();
    router = new CommandRouter(registry, prefixes, new CommandDispatcher(stats));
    cogs = new CogLoader(registry);
    resources.push(cogs::unloadAll);
    var startedAt = clock.instant();
    // Each cog is created as its wrapper: the handlers it registers (this::ping) are the wrapper's
    // overrides, so every invocation is timed and recorded.
    failedCogs =
        cogs.loadAll(
            List.of(
                new CogDefinition(CogMetrics.Cog.UTILITY, UtilityCog_Metered::new),
                new CogDefinition(CogMetrics.Cog.TLDR, () -> new TldrCog_Metered(tldr)),
                new CogDefinition(
                    CogMetrics.Cog.INFO,
                    () -> new InfoCog_Metered(prefixes, health, cogs::loaded, clock, startedAt)),
                new CogDefinition(
                    CogMetrics.Cog.REMINDERS, () -> new RemindersCog_Metered(reminderService)),
                new CogDefinition(CogMetrics.Cog.STATS, () -> new StatsCog_Metered(stats)),
                new CogDefinition(CogMetrics.Cog.WOLFRAM, () -> new WolframCog_Metered(wolfram)),
                new CogDefinition(
                    CogMetrics.Cog.ADMIN,
                    () -> new AdminCog_Metered(config.ownerIds(), cogs::reload))));

    warmup = tasks.runInBackground(new CacheWarmupTask_Metered(tldr, config.warmupPages()));
    tasks.schedulePeriodic(
        config.cleanupPeriod(), config.cleanupRuns(), new CleanupTask_Metered(reminders));
    tasks.schedulePeriodic(
        config.statusPeriod(),
        config.statusRuns(),
        new StatusRotationTask_Metered(presence, stats, clock, startedAt));
  }

  private static ApiClient api(
      HttpClient http, URI base, Service service, BotConfig config, Recorders recorders) {
    return new ApiClient(http, base, service, config.apiTimeout(), recorders.api());
  }

  /**
   * Waits for the startup cache warmup, so that what follows sees a warm cache.
   *
   * @param timeout how long at most
   * @throws TimeoutException when the warmup takes longer
   * @throws InterruptedException when interrupted while waiting
   */
  public void awaitReady(Duration timeout) throws TimeoutException, InterruptedException {
    try {
      warmup.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException cannotHappen) {
      // The runner records a failed warmup and completes normally.
      throw new IllegalStateException(cannotHappen);
    }
  }

  /**
   * Handles one gateway event.
   *
   * @param event a message or a slash-command interaction
   * @return the reply, or empty when the event invoked no command
   */
  public Optional<Reply> handle(GatewayEvent event) {
    if (event instanceof Message message) {
      return router.onMessage(message);
    }
    return router.onSlashCommand((SlashCommand) event);
  }

  /**
   * Sets a guild's command prefix.
   *
   * @param guildId the guild
   * @param prefix its prefix
   */
  public void setPrefix(long guildId, String prefix) {
    prefixes.setPrefix(guildId, prefix);
  }

  /**
   * Reloads a cog, as an owner's reload command would.
   *
   * @param cog the cog
   * @return whether it loaded again
   */
  public boolean reloadCog(CogMetrics.Cog cog) {
    return cogs.reload(cog);
  }

  /**
   * The commands the loaded cogs offer now, by name.
   *
   * @return their specs
   */
  public List<CommandSpec> commands() {
    return registry.all().stream().map(RegisteredCommand::spec).toList();
  }

  /**
   * The cogs that failed to load at startup, each with why.
   *
   * @return the cogs, in load order, and their reasons
   */
  public Map<CogMetrics.Cog, String> failedCogs() {
    return failedCogs;
  }

  /**
   * Makes the next {@code count} database connections opened on the calling thread fail as dropped
   * connections do, to exercise the retry path. See {@link FlakyConnectionSource}.
   *
   * @param count how many
   */
  public void failNextDatabaseConnections(int count) {
    connections.failNextOnThisThread(count);
  }

  /** Disarms database failures still pending on the calling thread. */
  public void clearDatabaseFailures() {
    connections.clearThisThread();
  }

  /**
   * Waits until every started task run has ended, including reminders scheduled meanwhile.
   *
   * @param timeout how long at most
   * @throws TimeoutException when work is still pending after {@code timeout}
   * @throws InterruptedException when interrupted while waiting
   */
  public void awaitIdle(Duration timeout) throws TimeoutException, InterruptedException {
    tasks.awaitIdle(timeout);
  }

  /**
   * Shuts down: unloads the cogs, stops the tasks (letting running ones finish), the HTTP client's
   * threads and the stub, then closes the database. Every step runs even if one before it failed.
   */
  @Override
  public void close() throws SQLException {
    Exception failure = null;
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (SQLException | RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure instanceof SQLException sqlFailure) {
      throw sqlFailure;
    }
    if (failure != null) {
      throw (RuntimeException) failure;
    }
  }

  /** Something to undo on close; only the database's close can fail. */
  @FunctionalInterface
  private interface Resource {
    void close() throws SQLException;
  }

  private static java.util.concurrent.ThreadFactory daemon(String prefix) {
    AtomicInteger number = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
