import sys
from pathlib import Path

# shared helpers of the test suite (sharedpath.py) importable from every test folder
sys.path.insert(0, str(Path(__file__).parent))
