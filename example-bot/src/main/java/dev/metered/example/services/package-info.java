/**
 * What commands and tasks build on: prefix lookup, tldr pages through their cache, reminders and
 * their delivery.
 */
package dev.metered.example.services;
