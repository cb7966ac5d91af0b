// The ProviderKit module; see ../shared/DESIGN.md.
