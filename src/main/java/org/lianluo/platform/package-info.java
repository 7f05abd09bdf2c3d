/**
 * What every module shares and no business module owns: the embedded database, identifiers,
 * problem details, the screen layout and web security headers. Knows no business module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.lianluo.platform;
