/** The face database (SQLite) and nearest-name search: enroll and identify. */
package io.dlkit.plugins.face.identify;
