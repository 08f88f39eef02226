// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @title A minimal smart-contract wallet owned by one key (EIP-1271).
/// @notice It accepts a signature when its owner signed the hash it is asked about. Real wallets (Coinbase Smart
/// Wallet, Safe) bind the hash to the wallet first; this one stays minimal so a test can read it in one pass.
contract OwnedWallet {
    /// @dev EIP-1271: `bytes4(keccak256("isValidSignature(bytes32,bytes)"))`.
    bytes4 internal constant MAGIC_VALUE = 0x1626ba7e;

    address public immutable owner;

    constructor(address initialOwner) {
        owner = initialOwner;
    }

    /// @notice EIP-1271: the magic value when `signature` is the owner's ECDSA signature of `hash`.
    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        address signer = recoverSigner(hash, signature);
        return signer != address(0) && signer == owner ? MAGIC_VALUE : bytes4(0xffffffff);
    }

    /// @dev Returns the zero address for anything that is not a 65-byte signature with a low `s`, so a malformed
    /// signature is refused rather than reverting.
    function recoverSigner(bytes32 hash, bytes calldata signature) internal pure returns (address) {
        if (signature.length != 65) return address(0);
        bytes32 r = bytes32(signature[0:32]);
        bytes32 s = bytes32(signature[32:64]);
        uint8 v = uint8(signature[64]);
        if (v < 27) v += 27;
        // EIP-2: the upper half of `s` would make a second valid signature from the first.
        if (uint256(s) > 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0) return address(0);
        return ecrecover(hash, v, r, s);
    }
}
