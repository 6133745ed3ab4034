"""Small articles shared by the UI tests and the snapshots."""

BRIDGE = """Bridge repairs delayed

9 June 2022

The council blames the contractor.

Bridge repairs delayed

The bridge has been closed since March. Drivers face a long detour.

"The contractor missed every deadline," said Maria Lopez, the council's transport chief.

The contractor denied the claim. It said the steel arrived late.
"""
