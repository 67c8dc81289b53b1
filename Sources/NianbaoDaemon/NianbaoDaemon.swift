// NianbaoDaemon
