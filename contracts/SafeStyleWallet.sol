// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @title A wallet that answers EIP-1271 the way the Agora server's Safe fallback expects.
/// @notice Its owner signs Safe's EIP-712 `SafeMessage(bytes message)` under this wallet's `domainSeparator()`
/// (what a Safe owner signs in Safe{Wallet}). `isValidSignature(hash, signature)` checks the owner signed `hash`
/// itself, so the standard EIP-1271 call with the message's EIP-191 hash fails, and only a verifier that computes
/// the SafeMessage hash first (agora-next's fallback) accepts the signature.
contract SafeStyleWallet {
    bytes4 internal constant MAGIC_VALUE = 0x1626ba7e;
    /// @dev Safe's own domain type: no name, no version.
    bytes32 internal constant DOMAIN_SEPARATOR_TYPEHASH = keccak256("EIP712Domain(uint256 chainId,address verifyingContract)");

    address public immutable owner;

    constructor(address initialOwner) {
        owner = initialOwner;
    }

    /// @notice The EIP-712 domain separator of this wallet, as a Safe computes it.
    function domainSeparator() public view returns (bytes32) {
        return keccak256(abi.encode(DOMAIN_SEPARATOR_TYPEHASH, block.chainid, address(this)));
    }

    /// @notice EIP-1271 over a SafeMessage hash: the magic value when the owner signed `safeMessageHash`.
    function isValidSignature(bytes32 safeMessageHash, bytes calldata signature) external view returns (bytes4) {
        if (signature.length != 65) return bytes4(0xffffffff);
        bytes32 r = bytes32(signature[0:32]);
        bytes32 s = bytes32(signature[32:64]);
        uint8 v = uint8(signature[64]);
        if (v < 27) v += 27;
        if (uint256(s) > 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0) return bytes4(0xffffffff);
        address signer = ecrecover(safeMessageHash, v, r, s);
        return signer != address(0) && signer == owner ? MAGIC_VALUE : bytes4(0xffffffff);
    }
}
