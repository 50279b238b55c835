"""The neighbourhood monitor: indicators from open data, area profiles, a need index, maps."""
