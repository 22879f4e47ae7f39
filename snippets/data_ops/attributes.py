# --8<-- [start:shape-numel]
import torch

A = torch.arange(12)
print(A.shape, A.numel())
# --8<-- [end:shape-numel]

# --8<-- [start:reshape]
B = A.reshape(3, 4)
print(B)
print(B.shape, B.numel())
print(A.reshape((3, 4)).shape, A.reshape(-1, 6).shape)
# --8<-- [end:reshape]

# --8<-- [start:reshape-error]
try:
    A.reshape(5, 3)
except RuntimeError as err:
    print(err)
# --8<-- [end:reshape-error]
