import math
import nosuchmod
