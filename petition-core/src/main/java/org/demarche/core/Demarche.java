package org.demarche.core;

import org.demarche.core.model.Campaign;
import org.demarche.core.model.DeliverySettings;
import org.demarche.core.model.DiplomaticMission;
import org.demarche.core.model.InvalidInputException;
import org.demarche.core.model.Letter;
import org.demarche.core.model.Location;
import org.demarche.core.model.Problem;
import org.demarche.core.model.RecipientSelection;
import org.demarche.core.model.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.demarche.core.internal.CampaignLoader;
import org.demarche.core.internal.PluginCatalog;
import org.demarche.core.letters.LetterPlanner;
import org.demarche.core.spi.ChannelContext;
import org.demarche.core.spi.ChannelFactory;
import org.demarche.core.spi.ContactDirectory;
import org.demarche.core.spi.DeliveryChannel;
import org.demarche.core.spi.DeliveryJournal;
import org.demarche.core.spi.DemarchePlugin;
import org.demarche.core.spi.DirectoryFactory;
import org.demarche.core.spi.LetterRenderer;
import org.demarche.core.spi.PluginRegistry;
import org.demarche.core.spi.RendererFactory;

/**
 * The entry point: the installed plugins, and what to do with a campaign.
 *
 * <pre>{@code
 * Demarche demarche = Demarche.builder()
 *     .install(new ContactsPlugin()).install(new PdfPlugin()).install(new EmailPlugin())
 *     .build();
 * Campaign campaign = demarche.load(Path.of("campaign.yaml"));   // every problem at once
 * RunReport report = demarche.run(campaign, RunOptions.outbox(Path.of("out")));
 * }</pre>
 *
 * <p>Thread-safe: a Demarche is immutable once built, and each call opens what it uses (a run its own channel,
 * renderer and, unless given one, journal), so an app's threads may share one instance (loading, building with
 * {@link #newCampaign}, checking and running at once; each thread uses its own {@link CampaignBuilder}). Two runs of one campaign
 * at once need a journal that runners share ({@link RunOptions#withJournal(org.demarche.core.spi.DeliveryJournal)}
 * with journal-postgres); the file journal refuses the second.
 */
public final class Demarche {
  /** What a campaign without a folder resolves against: the root, never the process's working folder. */
  private static final Path NO_FOLDER = Path.of("").toAbsolutePath().getRoot();
  // Package-private for CampaignSetup; never changed after build().
  final Map<String, ChannelFactory> channels;
  final Map<String, RendererFactory> renderers;
  final Optional<DirectoryFactory> directories;
  final CampaignLoader.Defaults defaults;
  private final List<String> plugins;

  private Demarche(Builder b) {
    this.channels = Map.copyOf(b.channels);
    this.renderers = Map.copyOf(b.renderers);
    this.directories = Optional.ofNullable(b.directories);
    this.defaults = new CampaignLoader.Defaults(Optional.ofNullable(b.defaultChannel), Optional.ofNullable(b.defaultRenderer));
    this.plugins = List.copyOf(b.installed.keySet());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Installs plugins explicitly; installing one twice (same {@link DemarchePlugin#name()}) is harmless. */
  public static final class Builder {
    private final Map<String, DemarchePlugin> installed = new LinkedHashMap<>();
    private final Map<String, ChannelFactory> channels = new LinkedHashMap<>();
    private final Map<String, RendererFactory> renderers = new LinkedHashMap<>();
    private DirectoryFactory directories;
    private String defaultChannel;
    private String defaultRenderer;

    private Builder() {}

    public Builder install(DemarchePlugin plugin) {
      if (installed.putIfAbsent(plugin.name(), plugin) != null) {
        return this;
      }
      plugin.install(new PluginRegistry() {
        @Override
        public void channel(String name, ChannelFactory factory) {
          channels.putIfAbsent(name, factory);
        }

        @Override
        public void renderer(String name, RendererFactory factory) {
          renderers.putIfAbsent(name, factory);
        }

        @Override
        public void directories(DirectoryFactory factory) {
          if (directories == null) {
            directories = factory;
          }
        }

        @Override
        public void defaultChannel(String name) {
          defaultChannel = defaultChannel == null ? name : defaultChannel;
        }

        @Override
        public void defaultRenderer(String name) {
          defaultRenderer = defaultRenderer == null ? name : defaultRenderer;
        }
      });
      return this;
    }

    /**
     * Installs every plugin that jars on the class path declare through {@link ServiceLoader}: the
     * runner's opt-in, for third-party plugin jars dropped beside it. An application names its plugins
     * with {@link #install} instead, so that what it runs does not depend on its class path.
     */
    public Builder installDiscovered() {
      return installDiscovered(Thread.currentThread().getContextClassLoader());
    }

    /** Like {@link #installDiscovered()}, with the plugins {@code loader} can see. */
    public Builder installDiscovered(ClassLoader loader) {
      for (DemarchePlugin plugin : ServiceLoader.load(DemarchePlugin.class, loader)) {
        install(plugin);
      }
      return this;
    }

    public Demarche build() {
      return new Demarche(this);
    }
  }

  /** The names of the installed plugins. */
  public List<String> plugins() {
    return plugins;
  }

  public java.util.Set<String> channelNames() {
    return new TreeSet<>(channels.keySet());
  }

  public java.util.Set<String> rendererNames() {
    return new TreeSet<>(renderers.keySet());
  }

  /**
   * Loads and checks a campaign file and everything it names (body files, signatories, directories,
   * the channel's and renderer's settings, the selected missions).
   *
   * @throws InvalidInputException with every problem found, each with file, line and field
   */
  public Campaign load(Path file) {
    return load(file, List.of());
  }

  /**
   * Like {@link #load(Path)}, letting the campaign name files in {@code allowedFolders} as well as in its
   * own folder. Every file a campaign names (body, translations, signatories, directory files, and files in
   * plugin settings such as key files and fonts) must otherwise lie in the campaign file's folder once links
   * are resolved, and be a regular file ({@link org.demarche.core.files.FileScope}).
   *
   * @throws InvalidInputException with every problem found, each with file, line and field
   */
  public Campaign load(Path file, List<Path> allowedFolders) {
    return checked(CampaignLoader.load(file, defaults, allowedFolders));
  }

  /**
   * Reads a campaign (YAML, or JSON when {@code name} ends in {@code .json}) from {@code in}, checked as
   * {@link #load(Path)} checks a file; problems name {@code name} ({@code campaign.yaml:12:3} becomes
   * {@code name:12:3}). A body or translation written as a file name ({@code letter.ja.md}) is looked up in
   * {@code texts}. Such a campaign has no file or folder: it names no other file (signatories inline,
   * directories {@code bundled}), and a run needs a journal in {@link RunOptions}.
   *
   * @throws InvalidInputException with every problem found
   */
  public Campaign load(java.io.InputStream in, String name, Map<String, String> texts) {
    Map<String, String> copy = Map.copyOf(texts);
    return checked(CampaignLoader.read(in, name, name.toLowerCase(java.util.Locale.ROOT).endsWith(".json"),
        t -> Optional.ofNullable(copy.get(t)), defaults));
  }

  /** Like {@link #load(java.io.InputStream, String, Map)}, reading characters. */
  public Campaign load(java.io.Reader reader, String name, Map<String, String> texts) {
    return load(ReaderInput.of(reader, name), name, texts);
  }

  /** A campaign built in code, checked on {@link CampaignBuilder#build()} as a loaded one is. */
  public CampaignBuilder newCampaign(String id) {
    return new CampaignBuilder(id, this);
  }

  Campaign checked(Campaign campaign) {
    List<Problem> problems = new ArrayList<>(CampaignSetup.problems(this, campaign, Map.of())); // no secret is read to load
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return campaign;
  }

  /**
   * A dry run of everything but delivery: checks the channel's and renderer's settings and the selected
   * missions as {@link #load} does, then plans every letter and attached translation and renders each into
   * memory, discarding it, so that a template that does not fill or a character no font has is found now
   * rather than halfway through a run. Nothing is written and nothing is sent.
   *
   * @return every problem found, each located where it was written as far as can be told; empty when a run
   *     would refuse nothing that could be known beforehand
   */
  public List<Problem> check(Campaign campaign) {
    // What a run would read: the process environment's secrets (does a signing key open with its password?).
    List<Problem> problems = new ArrayList<>(CampaignSetup.problems(this, campaign, System.getenv()));
    // Every channel the campaign has settings for holds them, not only its own: `run --send` uses delivery.smtp.
    campaign.delivery().sections().forEach((name, settings) -> {
      ChannelFactory other = channels.get(name);
      if (other != null && !name.equals(campaign.delivery().channel())) {
        problems.addAll(other.validate(settings));
      }
    });
    if (!problems.isEmpty()) {
      return problems;
    }
    // Laid out without secrets: whether a signing key opens is the renderer's validate's to say.
    return new DryRun(campaign, factory(campaign).create(campaign.delivery().rendererOptions()))
        .check(missions(campaign));
  }

  /** Warnings (validate prints them, exit 0): no street lines yet letters by post, a repeated value, a past date. */
  public List<Problem> warnings(Campaign campaign, java.time.LocalDate today) {
    List<Problem> warnings = new ArrayList<>(org.demarche.core.internal.CampaignWarnings.of(campaign, missions(campaign), today));
    // The renderer's own (a signing password not set yet), from the process environment a run would read.
    warnings.addAll(factory(campaign).warnings(campaign.delivery().rendererOptions(), System.getenv()));
    return warnings;
  }

  /** The campaign file's JSON Schema (2020-12), from the fields the loader reads; {@code $defs} holds front matter's. */
  public static String campaignSchema() {
    return org.demarche.core.internal.CampaignSchema.campaign();
  }

  /** Opens the campaign's directory layers. */
  public ContactDirectory directory(Campaign campaign) {
    // A campaign without a folder names only bundled or absolute directories (the loader refuses others).
    return directory(campaign.recipients().directories(), campaign.folder().orElse(NO_FOLDER));
  }

  /** Opens directory layers ({@code bundled}, or file paths relative to {@code baseDir}). */
  public ContactDirectory directory(List<String> layers, Path baseDir) {
    return directories.orElseThrow(() -> new IllegalStateException(PluginCatalog.noDirectories())).open(layers, baseDir);
  }

  /** The missions a campaign selects, in id order; an id that names no mission is a problem. */
  public List<DiplomaticMission> missions(Campaign campaign) {
    ContactDirectory directory = directory(campaign);
    RecipientSelection sel = campaign.recipients();
    return sel.ids().isEmpty() ? directory.missions().stream().filter(sel::matches).toList()
        : CampaignSetup.byIds(directory, campaign);
  }

  /** One letter per selected mission, in the campaign's send language. */
  public List<Letter> plan(Campaign campaign) {
    LetterPlanner planner = new LetterPlanner(campaign);
    return missions(campaign).stream().map(m -> planner.letter(m, campaign.delivery().sendLanguage())).toList();
  }

  /**
   * The translations attached to {@code letter}, per the campaign's {@code delivery.attach}, drafts awaiting
   * review included: what a preview shows. What is sent is {@link #attachments(Campaign, Letter, boolean)}.
   */
  public List<Letter> attachments(Campaign campaign, Letter letter) {
    return attachments(campaign, new LetterPlanner(campaign), letter, true);
  }

  /**
   * The translations sent with {@code letter}: a draft nobody has reviewed ({@code draft: true} without
   * {@code reviewedBy} and {@code reviewedOn}) only when {@code allowDrafts}.
   */
  public List<Letter> attachments(Campaign campaign, Letter letter, boolean allowDrafts) {
    return attachments(campaign, new LetterPlanner(campaign), letter, allowDrafts);
  }

  /** The attached languages whose translation is a draft awaiting review. */
  public static List<String> draftsAwaitingReview(Campaign campaign) {
    return campaign.delivery().attachLanguages().stream()
        .filter(tag -> campaign.petition().translations().containsKey(tag)
            && campaign.petition().translations().get(tag).awaitingReview())
        .toList();
  }

  private static List<Letter> attachments(Campaign campaign, LetterPlanner planner, Letter letter,
      boolean allowDrafts) {
    List<String> drafts = allowDrafts ? List.of() : draftsAwaitingReview(campaign);
    return campaign.delivery().attachLanguages().stream()
        .filter(tag -> !tag.equals(letter.language()) && !drafts.contains(tag))
        .map(tag -> planner.letter(letter.mission(), tag)).toList();
  }

  /** The campaign's renderer, with the secrets its settings name (a signing key's password) from the process environment. */
  public LetterRenderer renderer(Campaign campaign) {
    return factory(campaign).create(campaign.delivery().rendererOptions(), System.getenv());
  }

  private RendererFactory factory(Campaign campaign) {
    RendererFactory f = renderers.get(campaign.delivery().renderer());
    if (f == null) {
      throw new IllegalStateException(PluginCatalog.missing("renderer", campaign.delivery().renderer(), renderers.keySet()));
    }
    return f;
  }

  /** Opens a channel by name with the given settings. */
  public DeliveryChannel channel(String name, ChannelContext context) {
    ChannelFactory f = channels.get(name);
    if (f == null) {
      throw new IllegalStateException(PluginCatalog.missing("channel", name, channels.keySet()));
    }
    List<Problem> problems = f.validate(context.settings());
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return f.open(context);
  }

  /**
   * Plans, renders and delivers a campaign with its own channel into {@code options.outputDir()},
   * journaling to {@code options.journal()} (by default {@code <campaign-file>.<channel>.journal} beside it; a
   * campaign read from a stream or built in code has no file, and is refused unless the options name a journal).
   * On a channel other than the outbox, letters the outbox journal records as written are held back unless
   * {@link RunOptions#includeOutboxed()}.
   */
  public RunReport run(Campaign campaign, RunOptions options) {
    String channelName = options.channel().orElse(campaign.delivery().channel());
    if (options.journalInstance().isEmpty() && options.journal().isEmpty()) {
      FileJournal.defaultFile(campaign, channelName);    // refuses a campaign without a folder, before any work
    }
    Settings settings = options.channelSettings().orElseGet(() -> section(campaign, "delivery." + channelName));
    List<Letter> letters = plan(campaign);
    // One planner for the whole run: its compiled templates serve every letter's translations.
    LetterPlanner planner = new LetterPlanner(campaign);
    LetterRenderer renderer = factory(campaign).create(campaign.delivery().rendererOptions(), options.environment());
    // A journal the caller opened (e.g. PostgreSQL, shared by several runners) stays the caller's to close.
    DeliveryJournal given = options.journalInstance().orElse(null);
    try (DeliveryJournal journal = given != null ? new BorrowedJournal(given) : FileJournal.open(
            options.journal().orElseGet(() -> FileJournal.defaultFile(campaign, channelName)), campaign.id());
        DeliveryChannel channel = channel(channelName,
            new ChannelContext(settings, options.outputDir(), options.environment(), journal.pace()))) {
      return CampaignRunner.builder(renderer, channel, journal)
          .retry(campaign.delivery().retry())
          .listener(options.listener())
          .postalDesk(options.postalDesk())
          .resendInDoubt(options.resendInDoubt())
          .retryFailed(options.retryFailed())
          .holdBack(options.includeOutboxed() || defaults.channel().isEmpty() || campaign.folder().isEmpty() ? Map.of()
              : FileJournal.heldBack(campaign, defaults.channel().get(), channelName))
          .attachments(l -> attachments(campaign, planner, l, options.allowDraftTranslations()))
          .build()
          .run(Scheduling.dueNow(campaign, letters, channel, options.clock().instant()));
    }
  }

  /** When each selected mission's letter is due under the campaign's schedule, in mission order; empty without one. */
  public List<org.demarche.core.schedule.Due> dueTimes(Campaign campaign) {
    return Scheduling.dueTimes(campaign, missions(campaign));
  }

  /**
   * A {@code delivery.<name>} section of the campaign as plugin settings, e.g. {@code delivery.smtp} to send
   * over SMTP a campaign whose own channel is the outbox. The campaign keeps every section it loaded, so
   * the file is not read again; an absent section gives settings with no values, located at the campaign file.
   */
  public Settings section(Campaign campaign, String path) {
    String name = path.startsWith("delivery.") ? path.substring("delivery.".length()) : "";
    if (name.isEmpty() || name.contains(".")) {
      throw new IllegalArgumentException("plugin settings are delivery.<name> sections, not '" + path + "'");
    }
    return campaign.delivery().section(name).orElseGet(() -> new Settings(path, Map.of(), Map.of(),
        new Location(campaign.source().name(), 1, 1), campaign.folder().orElse(NO_FOLDER)));
  }
}
