# --8<-- [start:ranks]
import torch

examples = {
    "scalar": torch.tensor(3.0),
    "vector": torch.tensor([1.0, 2.0, 3.0]),
    "matrix": torch.zeros(2, 3),
    "image": torch.zeros(3, 32, 32),
    "image batch": torch.zeros(8, 3, 32, 32),
    "video batch": torch.zeros(8, 3, 16, 32, 32),
}
for name, t in examples.items():
    print(f"{name:12} ndim={t.ndim}  shape={tuple(t.shape)}")
# --8<-- [end:ranks]

# --8<-- [start:image-axes]
import numpy as np
from matplotlib.figure import Figure
from PIL import Image

picture = Image.new("RGB", (32, 16))
array = np.array(picture)
print(picture.size, array.shape)
print(torch.from_numpy(array).permute(2, 0, 1).shape)

left, right, bottom, top = Figure().add_subplot().imshow(array).get_extent()
print("imshow: width", right - left, "height", bottom - top)
# --8<-- [end:image-axes]
