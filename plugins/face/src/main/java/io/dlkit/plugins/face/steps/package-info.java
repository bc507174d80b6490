/** The pipeline steps face/detect, face/landmarks, face/embed and face/identify. */
package io.dlkit.plugins.face.steps;
