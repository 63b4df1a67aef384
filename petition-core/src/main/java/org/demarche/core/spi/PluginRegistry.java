package org.demarche.core.spi;

/** Where a plugin registers what it provides. A name registered twice keeps the first registration. */
public interface PluginRegistry {

  /** A delivery channel a campaign names in {@code delivery.channel}. */
  void channel(String name, ChannelFactory factory);

  /** A renderer a campaign names in {@code delivery.renderer}. */
  void renderer(String name, RendererFactory factory);

  /** The directory provider that opens the layers a campaign lists in {@code recipients.directories}. */
  void directories(DirectoryFactory factory);

  /**
   * Offers one of this plugin's channels as the one a campaign gets when its {@code delivery.channel} names
   * none; the first plugin installed that offers one decides. Offer only a channel that sends nothing
   * (one that writes files for the operator), so that a campaign without the word never sends by surprise.
   */
  default void defaultChannel(String name) {}

  /** Offers one of this plugin's renderers for campaigns whose {@code delivery.renderer} names none. */
  default void defaultRenderer(String name) {}
}
