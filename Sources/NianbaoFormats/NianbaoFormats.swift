// NianbaoFormats
