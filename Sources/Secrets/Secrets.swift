// The Secrets module; see ../shared/DESIGN.md.
