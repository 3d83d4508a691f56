import { defineResource } from '../resource';

// Operations are added here, one file each: see actions/README.md.
export const productResource = defineResource('product', '', []);
