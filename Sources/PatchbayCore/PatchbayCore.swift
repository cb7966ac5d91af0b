// The PatchbayCore module; see ../shared/DESIGN.md.
