package dev.metered.example.gateway;

/** Something the Discord gateway delivers that may invoke a command. */
public sealed interface GatewayEvent permits Message, SlashCommand {}
