// The PluginHost module; see ../shared/DESIGN.md.
