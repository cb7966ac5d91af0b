// The PatchbayTestSupport module; see ../shared/DESIGN.md.
