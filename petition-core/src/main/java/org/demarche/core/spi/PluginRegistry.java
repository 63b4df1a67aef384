package org.demarche.core.spi;

/** Where a plugin registers what it provides. A name registered twice keeps the first registration. */
public interface PluginRegistry {

  /** A delivery channel a campaign names in {@code delivery.channel}. */
  void channel(String name, ChannelFactory factory);

  /** A renderer a campaign names in {@code delivery.renderer}. */
  void renderer(String name, RendererFactory factory);

  /** The directory provider that opens the layers a campaign lists in {@code recipients.directories}. */
  void directories(DirectoryFactory factory);
}
