/**
 * The 百色 demo set: stations over every township, special stations, deputies of the city, county and
 * township congresses, the city's fifth congress with its sessions, and handling units — and on top of them the year
 * 2025 of activities, contacts, opinions, proposals and comments on drafts whose annual report states 百色's 2025
 * summary — generated deterministically from a fixed seed, with synthetic names, through the modules' own APIs.
 */
package org.lianluo.demo;
