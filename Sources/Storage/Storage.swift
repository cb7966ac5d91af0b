// The Storage module; see ../shared/DESIGN.md.
