"""Writes the Keras weight files of H5pyFilesTest with h5py, the way Keras itself writes them.

Run with Debian's python3-h5py (h5py 3.7, numpy 1.24):  python3 make_fixtures.py
The model is KerasWeightsTest.config(): conv (3x3, 3 -> 4), bn, relu, pool, flatten,
predictions (16 -> 3). Weight w of the l-th layer with weights holds
float32(10 * l + w + j / 1000) at flat index j, which the test recomputes.

- small_keras2.h5       tf.keras 2 Model.save_weights (legacy save_weights_to_hdf5_group):
                        root attributes layer_names / backend / keras_version, a group per
                        layer created in name order, weight_names per layer (an empty float64
                        array for a layer without weights), datasets at <layer>/<layer>/kernel:0
- small_full_keras2.h5  tf.keras 2 Model.save: the same under /model_weights
- small.weights.h5      Keras 3 save_weights (saving_lib.H5IOStore): /vars, then
                        /layers/<snake_case class>[_n]/vars/<i> for every layer, in model order
- small.keras           a Keras 3 archive: config.json, metadata.json, model.weights.h5
"""
import io
import json
import zipfile

import h5py
import numpy as np

LAYERS = [  # name, Keras class (snake case), weight names, shapes
    ("input_1", "input_layer", [], []),
    ("conv", "conv2d", ["kernel", "bias"], [(3, 3, 3, 4), (4,)]),
    ("bn", "batch_normalization",
     ["gamma", "beta", "moving_mean", "moving_variance"], [(4,)] * 4),
    ("relu", "activation", [], []),
    ("pool", "max_pooling2d", [], []),
    ("flatten", "flatten", [], []),
    ("predictions", "dense", ["kernel", "bias"], [(16, 3), (3,)]),
]


def values():
    out, l = {}, 0
    for name, _, weights, shapes in LAYERS:
        if weights:
            for w, shape in enumerate(shapes):
                n = int(np.prod(shape))
                out[(name, w)] = np.array(
                    [10 * l + w + j / 1000 for j in range(n)], dtype=np.float32).reshape(shape)
            l += 1
    return out


def keras2(group, v):
    # save_attributes_to_hdf5_group(group, "layer_names", [bytes...]) stores the list as is
    group.attrs["layer_names"] = [name.encode("utf8") for name, *_ in LAYERS]
    group.attrs["backend"] = "tensorflow".encode("utf8")
    group.attrs["keras_version"] = "2.15.0".encode("utf8")
    for name, _, weights, shapes in sorted(LAYERS):
        g = group.create_group(name)
        names = [f"{name}/{w}:0".encode("utf8") for w in weights]
        g.attrs["weight_names"] = names  # [] becomes an empty float64 array
        for w, wname in enumerate(names):
            val = v[(name, w)]
            d = g.create_dataset(wname, val.shape, dtype=val.dtype)
            d[:] = val


def keras3(f, v):
    f.create_group("vars")  # the model's own variables: none
    used = {}
    for name, cls, weights, _ in LAYERS:
        n = used.get(cls, -1) + 1
        used[cls] = n
        path = cls if n == 0 else f"{cls}_{n}"
        vars_ = f.create_group(f"layers/{path}").create_group("vars")
        for w in range(len(weights)):
            vars_[str(w)] = v[(name, w)]


def main():
    v = values()
    with h5py.File("small_keras2.h5", "w") as f:
        keras2(f, v)
    with h5py.File("small_full_keras2.h5", "w") as f:
        f.attrs["keras_version"] = b"2.15.0"
        f.attrs["backend"] = b"tensorflow"
        f.attrs["model_config"] = json.dumps({"class_name": "Sequential"}).encode("utf8")
        keras2(f.create_group("model_weights"), v)
    with h5py.File("small.weights.h5", "w") as f:
        keras3(f, v)
    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as f:
        keras3(f, v)
    with zipfile.ZipFile("small.keras", "w") as z:
        z.writestr("metadata.json", json.dumps({"keras_version": "3.5.0"}))
        z.writestr("config.json", json.dumps({"class_name": "Sequential"}))
        z.writestr("model.weights.h5", buffer.getvalue())


if __name__ == "__main__":
    main()
