import sys
from pathlib import Path

# the hand-made context builder (handmade.py) is shared by the tests in the subject folders
sys.path.insert(0, str(Path(__file__).parent))
