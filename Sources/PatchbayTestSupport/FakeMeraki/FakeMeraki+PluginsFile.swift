extension FakeMeraki {
    /// A `plugins.yaml` entry (list item, indented for the top-level `plugins:` key) that points the real
    /// libPatchbayMeraki.so of the products folder at this fake, with egress limited to it.
    package var pluginEntry: String {
        """
          - path: \(ProductsDirectory.product("libPatchbayMeraki.so"))
            id: meraki
            settings:
              base_url: "\(baseURL)"
            allowed_hosts: ["\(authority)"]
        """
    }
}
