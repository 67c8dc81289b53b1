// NianbaoPlatform
