/** Face detection: SSD MobileNet-V1 and tiny-detector decoding, NMS, the detect command. */
package io.dlkit.plugins.face.detect;
