// The Meraki provider plugin.
