// Lint fixture: everything here is forbidden inside src/engine/. The test in
// scripts/engineBoundary.test.ts lints this text as if it lived at src/engine/fixture.ts
// and expects one diagnostic per line marked "expect:".
import { useState } from 'react'; // expect: noRestrictedImports react
import { create } from 'zustand'; // expect: noRestrictedImports zustand
import { ReactFlow } from '@xyflow/react'; // expect: noRestrictedImports @xyflow/react
import { motion } from 'framer-motion'; // expect: noRestrictedImports framer-motion
import { simStore } from '../store/simStore'; // expect: noRestrictedImports ../store

export const wallClock = Date.now(); // expect: noJsRestrictedProperties Date.now
export const dice = Math.random(); // expect: noJsRestrictedProperties Math.random
export const today = new Date(); // expect: noRestrictedGlobals Date
export const timer = setTimeout(() => {}, 10); // expect: noRestrictedGlobals setTimeout
export const tick = setInterval(() => {}, 10); // expect: noRestrictedGlobals setInterval
export const frame = requestAnimationFrame(() => {}); // expect: noRestrictedGlobals requestAnimationFrame
export const title = document.title; // expect: noRestrictedGlobals document
export const href = window.location.href; // expect: noRestrictedGlobals window
export { create, motion, ReactFlow, simStore, useState };
