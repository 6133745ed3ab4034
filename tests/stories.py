"""Small articles shared by the UI tests and the snapshots."""

BRIDGE = """Bridge repairs delayed

9 June 2022

The council blames the contractor.

Bridge repairs delayed

The bridge has been closed since March. Drivers face a long detour.

"The contractor missed every deadline," said Maria Lopez, the council's transport chief.

The contractor denied the claim. It said the steel arrived late.
"""

HARBOUR = """Harbour dredging contract under review

The harbour board has paused a dredging contract after two councillors raised concerns.

"We were never shown the tender documents," said Priya Natarajan, who chairs the finance committee.

The board's chief executive, Tomas Lindqvist, said the contract had been awarded properly.
"Every rule was followed," he said.

Natarajan accused the board of hiding the cost of the contract from councillors.

A dredging firm spokesman declined to comment.
"""
