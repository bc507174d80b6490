/** A baseline JPEG decoder giving jpeg-js's exact pixels, as face-api's node reference saw them. */
package io.dlkit.plugins.face.jpeg;
