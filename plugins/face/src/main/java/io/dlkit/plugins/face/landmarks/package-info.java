/** The 68 face landmarks, face-api's dlib-style alignment box, the landmarks command. */
package io.dlkit.plugins.face.landmarks;
