/**
 * The 百色 demo set: stations over every township, special stations, deputies of the city, county and
 * township congresses, the city's fifth congress with its sessions, and handling units — generated
 * deterministically from a fixed seed, with synthetic names, through the registries' own APIs.
 */
package org.lianluo.demo;
