"""The content layer: YAML files -> typed, validated handbook. Imports no other layer and no site engine."""
