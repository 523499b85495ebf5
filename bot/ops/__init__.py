"""Running the bot in production: metrics, health, structured logs, knowledge reloads."""
